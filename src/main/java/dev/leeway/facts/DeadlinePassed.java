package dev.leeway.facts;

import java.time.Instant;

/**
 * Put into the rule session by the vocabulary when a deadline a rule set has already passed at the
 * evaluation instant, so that escalation rules can say {@code DeadlinePassed( kind == "RESOLUTION" )}.
 *
 * @param minutesOverdue how far the clock has run beyond its span: business minutes on a calendar,
 *     and no paused time
 */
public record DeadlinePassed(String kind, Instant due, long minutesOverdue) {}
