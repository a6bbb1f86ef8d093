package dev.leeway.vocabulary;

import dev.leeway.decision.Obligation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * Something that must happen:
 * {@code decision.oblige("FOLLOW_UP").owner("CASE_OWNER").withinBusinessDays(2).saying("…")}.
 * Due times count from the evaluation instant, or, with {@code withinHoursAfterDeadline}, from the
 * instant a deadline passed, so that deciding the case again later does not move them.
 */
public final class ObligationDraft {

    private final String kind;
    private final RuleRef rule;
    private final Instant now;
    private final ZoneId zone;
    private final Function<String, DeadlineDraft> standingDeadline;
    private String owner = "CASE_OWNER";
    private Instant due;
    private AfterDeadline afterDeadline;
    private String description;

    /** Due so long after the standing deadline of a kind is due; read when the decision concludes. */
    private record AfterDeadline(String kind, Duration span) {}

    ObligationDraft(String kind, RuleRef rule, Instant now, ZoneId zone,
            Function<String, DeadlineDraft> standingDeadline) {
        this.kind = kind;
        this.rule = rule;
        this.now = now;
        this.zone = zone;
        this.standingDeadline = standingDeadline;
    }

    public ObligationDraft owner(String role) {
        this.owner = role;
        return this;
    }

    public ObligationDraft withinHours(long hours) {
        this.due = now.plus(Duration.ofHours(hours));
        this.afterDeadline = null;
        return this;
    }

    public ObligationDraft withinBusinessDays(int days) {
        this.due = BusinessDays.after(now, days, zone);
        this.afterDeadline = null;
        return this;
    }

    /**
     * Due so many hours, counting all time, after the standing deadline of that kind was due: the
     * same instant at every evaluation after it passed. The deadline must be set and passed.
     */
    public ObligationDraft withinHoursAfterDeadline(long hours, String deadlineKind) {
        this.afterDeadline = new AfterDeadline(deadlineKind, Duration.ofHours(hours));
        this.due = null;
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
        return new Obligation(kind, owner, afterDeadline == null ? due : dueAfterDeadline(), description, rule.name());
    }

    /**
     * Read at the end, as a later rule may still set an earlier deadline of the kind, which then stands.
     */
    private Instant dueAfterDeadline() {
        DeadlineDraft deadline = standingDeadline.apply(afterDeadline.kind());
        if (deadline == null) {
            throw new RuleConclusionException(rule.name(), "obligation " + kind + " counts from the "
                    + afterDeadline.kind() + " deadline, which no rule set");
        }
        if (!deadline.passed()) {
            throw new RuleConclusionException(rule.name(), "obligation " + kind + " counts from the "
                    + afterDeadline.kind() + " deadline, which has not passed (due " + deadline.due() + ")");
        }
        return deadline.due().plus(afterDeadline.span());
    }
}
