package dev.leeway.vocabulary;

import dev.leeway.decision.Deadline;
import dev.leeway.decision.DeadlineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A deadline a rule sets: {@code decision.deadline("FIRST_RESPONSE").hoursAfterOpening(4).escalateTo("TEAM_LEAD")}.
 * When several rules set the same kind of deadline, the earliest due time stands.
 */
public final class DeadlineDraft {

    private final String kind;
    private final RuleRef rule;
    private final Instant openedAt;
    private final Instant now;
    private final Consumer<DeadlineDraft> onDue;
    private Instant due;
    private String escalateTo;

    DeadlineDraft(String kind, RuleRef rule, Instant openedAt, Instant now, Consumer<DeadlineDraft> onDue) {
        this.kind = kind;
        this.rule = rule;
        this.openedAt = openedAt;
        this.now = now;
        this.onDue = onDue;
    }

    public DeadlineDraft minutesAfterOpening(long minutes) {
        return dueAt(openedAt.plus(Duration.ofMinutes(minutes)));
    }

    public DeadlineDraft hoursAfterOpening(long hours) {
        return dueAt(openedAt.plus(Duration.ofHours(hours)));
    }

    public DeadlineDraft hoursFromNow(long hours) {
        return dueAt(now.plus(Duration.ofHours(hours)));
    }

    /** The role that takes the case over once this deadline passes. */
    public DeadlineDraft escalateTo(String role) {
        this.escalateTo = role;
        return this;
    }

    private DeadlineDraft dueAt(Instant dueTime) {
        this.due = dueTime;
        onDue.accept(this);
        return this;
    }

    String kind() {
        return kind;
    }

    Instant due() {
        return due;
    }

    boolean passed() {
        return due != null && now.isAfter(due);
    }

    RuleRef rule() {
        return rule;
    }

    Deadline toDeadline() {
        if (due == null) {
            throw new RuleConclusionException(rule.name(), "deadline " + kind + " has no due time");
        }
        long span = Duration.between(openedAt, due).toMinutes();
        long elapsed = Math.max(0, Duration.between(openedAt, now).toMinutes());
        return new Deadline(kind, due, passed(), escalateTo, rule.name(), null, DeadlineClock.RUNNING, elapsed,
                span - elapsed, List.of(), List.of());
    }
}
