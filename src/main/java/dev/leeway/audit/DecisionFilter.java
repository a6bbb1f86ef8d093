package dev.leeway.audit;

import java.time.Instant;

/**
 * What an auditor is looking for; every part is optional.
 *
 * @param rule a rule's {@code @id} that must have fired
 * @param escape an escape that must have been offered
 * @param from recorded at or after (inclusive)
 * @param to recorded before (exclusive)
 */
public record DecisionFilter(String caseId, String rule, String escape, String actor, Instant from, Instant to) {}
