package dev.leeway.audit;

import java.time.Instant;

/**
 * What an auditor is looking for in the log; every part is optional.
 *
 * @param rule a rule's {@code @id} that must have fired (decisions)
 * @param escape an escape that must have been offered (decisions) or used (escape uses)
 * @param from recorded at or after (inclusive)
 * @param to recorded before (exclusive)
 */
public record RecordFilter(String caseId, String rule, String escape, String actor, Instant from, Instant to) {}
