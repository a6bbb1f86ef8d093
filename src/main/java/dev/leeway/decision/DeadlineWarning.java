package dev.leeway.decision;

import java.time.Instant;

/**
 * A warning before a deadline passes, at a share of its clock's span.
 *
 * @param at when the clock reaches the share; while the clock is paused, when it would if it ran again now
 */
public record DeadlineWarning(int percent, Instant at, boolean reached) {}
