package dev.leeway.audit;

import java.time.Instant;

/**
 * Which records an export holds: every kind of record (decisions, escape uses, reviews, rule-set
 * activations) recorded in [from, to), narrowed to one case, one actor, one rule or one escape when
 * given. An investigation of a complaint exports its case; one of a member of staff, their actor
 * id; a review of how an escape is used, that escape: the decisions that offered it, each use and
 * each review.
 *
 * @param caseId only records about this case, or every case when null
 * @param actor only records of what this actor did (asked, used, reviewed), or everyone's when null
 * @param rule only decisions in which this rule (its {@code @id}) fired, or any record when null
 * @param escape only records naming this escape (decisions that offered it, its uses, their
 *        reviews), or any record when null
 * @param from recorded at or after (inclusive), or since the first record when null
 * @param to recorded before (exclusive), or up to the last record when null
 */
public record ExportSelection(String caseId, String actor, String rule, String escape, Instant from, Instant to) {}
