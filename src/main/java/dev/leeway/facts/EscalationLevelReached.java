package dev.leeway.facts;

import java.time.Instant;

/**
 * Put into the rule session by the vocabulary when the clock of a standing deadline has reached one
 * of its escalation levels ({@code escalateTo("TEAM_LEAD")} is the level at 100 %,
 * {@code escalateAt(150, "MANAGER")} one further on), so that escalation rules can say
 * {@code EscalationLevelReached( kind == "RESOLUTION", escalateTo == "MANAGER" )}.
 *
 * @param percent the share of the clock's span the level is at
 * @param at when the clock reached it
 */
public record EscalationLevelReached(String kind, int percent, String escalateTo, Instant at) {}
