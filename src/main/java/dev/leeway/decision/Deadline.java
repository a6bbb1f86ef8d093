package dev.leeway.decision;

import java.time.Instant;
import java.util.List;

/**
 * A due time the charter promises, how far its clock has run, and what happens as it runs out.
 *
 * @param kind e.g. {@code FIRST_RESPONSE}, {@code RESOLUTION}, {@code NEXT_UPDATE}
 * @param due when the clock runs out; while it is paused, when it would if it ran again now
 * @param passed whether the clock had counted its whole span at the evaluation instant (at {@code due} itself, it has)
 * @param escalateTo the role the case goes to once the deadline passes (may be null)
 * @param calendar the calendar whose open time the clock counts; null for calendar time
 * @param elapsedMinutes time the clock has counted at the evaluation instant, in whole minutes (rounded down once)
 * @param remainingMinutes the clock's span less {@code elapsedMinutes}, so the two add up to the span; zero or
 *     negative once the deadline passed
 */
public record Deadline(
        String kind,
        Instant due,
        boolean passed,
        String escalateTo,
        String because,
        String calendar,
        DeadlineClock clock,
        long elapsedMinutes,
        long remainingMinutes,
        List<DeadlineWarning> warnings,
        List<EscalationLevel> levels) {

    public Deadline {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
