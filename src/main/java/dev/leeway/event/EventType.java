package dev.leeway.event;

/** What subscribers can be told about a case, by the name they subscribe to. */
public enum EventType {
    DEADLINE_WARNING("deadline.warning"),
    DEADLINE_BREACHED("deadline.breached"),
    CASE_ESCALATED("case.escalated"),
    OBLIGATION_DUE("obligation.due"),
    ESCAPE_USED("escape.used"),
    ESCAPE_REVIEWED("escape.reviewed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code deadline.warning}. */
    public String wireName() {
        return wireName;
    }
}
