package dev.leeway.audit;

import java.time.Instant;

/**
 * Which records an export holds: every kind of record (decisions, escape uses, reviews, rule-set
 * activations) recorded in [from, to), narrowed to one case or one actor when given. An
 * investigation of a complaint exports its case; one of a member of staff, their actor id.
 *
 * @param caseId only records about this case, or every case when null
 * @param actor only records of what this actor did (asked, used, reviewed), or everyone's when null
 * @param from recorded at or after (inclusive), or since the first record when null
 * @param to recorded before (exclusive), or up to the last record when null
 */
public record ExportSelection(String caseId, String actor, Instant from, Instant to) {}
