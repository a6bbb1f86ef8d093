package dev.leeway.facts;

import java.time.Instant;

/**
 * Put into the rule session by the vocabulary when the clock of a standing deadline has reached one
 * of its warnings ({@code warnAt(75)}), so that rules can say {@code DeadlineWarned( kind == "RESOLUTION" )}.
 *
 * @param percent the share of the clock's span the warning is at
 * @param at when the clock reached it
 */
public record DeadlineWarned(String kind, int percent, Instant at) {}
