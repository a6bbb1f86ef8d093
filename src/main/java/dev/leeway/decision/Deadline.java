package dev.leeway.decision;

import java.time.Instant;

/**
 * A due time the charter promises, and what happens when it passes.
 *
 * @param kind e.g. {@code FIRST_RESPONSE}, {@code RESOLUTION}, {@code NEXT_UPDATE}
 * @param passed whether the deadline had passed at the evaluation instant
 * @param escalateTo the role the case goes to once the deadline passes (may be null)
 */
public record Deadline(String kind, Instant due, boolean passed, String escalateTo, String because) {}
