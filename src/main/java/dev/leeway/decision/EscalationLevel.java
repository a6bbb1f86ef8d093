package dev.leeway.decision;

import java.time.Instant;

/**
 * Who takes the case over once a deadline's clock reaches a share of its span (100 % is the
 * deadline itself, 150 % half a span later).
 *
 * @param at when the clock reaches the share; while the clock is paused, when it would if it ran again now
 */
public record EscalationLevel(int percent, String escalateTo, Instant at, boolean reached) {}
