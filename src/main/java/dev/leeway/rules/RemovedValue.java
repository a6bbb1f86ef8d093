package dev.leeway.rules;

import java.time.Instant;

/**
 * A value that rule sets which decided recorded decisions declared and a candidate no longer does.
 *
 * @param dimension as {@code vocabulary.yaml} names it: {@code priority}, {@code tier}, …
 * @param value as those rule sets declared it
 * @param decisions how many decisions the audit log holds from those rule sets, whichever values they used
 * @param lastDecisionAt when the last of them was recorded
 */
public record RemovedValue(String dimension, String value, long decisions, Instant lastDecisionAt) {}
