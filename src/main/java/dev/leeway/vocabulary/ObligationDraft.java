package dev.leeway.vocabulary;

import dev.leeway.decision.Obligation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Something that must happen:
 * {@code decision.oblige("FOLLOW_UP").owner("CASE_OWNER").withinBusinessDays(2).saying("…")}.
 * Due times count from the evaluation instant.
 */
public final class ObligationDraft {

    private final String kind;
    private final RuleRef rule;
    private final Instant now;
    private final ZoneId zone;
    private String owner = "CASE_OWNER";
    private Instant due;
    private String description;

    ObligationDraft(String kind, RuleRef rule, Instant now, ZoneId zone) {
        this.kind = kind;
        this.rule = rule;
        this.now = now;
        this.zone = zone;
    }

    public ObligationDraft owner(String role) {
        this.owner = role;
        return this;
    }

    public ObligationDraft withinHours(long hours) {
        this.due = now.plus(Duration.ofHours(hours));
        return this;
    }

    public ObligationDraft withinBusinessDays(int days) {
        this.due = BusinessDays.after(now, days, zone);
        return this;
    }

    public ObligationDraft saying(String text) {
        this.description = text;
        return this;
    }

    String kind() {
        return kind;
    }

    Obligation toObligation() {
        return new Obligation(kind, owner, due, description, rule.name());
    }
}
