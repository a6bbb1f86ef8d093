package dev.leeway.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * How the serving rule set's rules and escapes were used by the decisions recorded in [from, to).
 *
 * @param decisions decisions recorded in the range, under any rule-set version
 * @param rules every rule of the serving set, by id, with how many of those decisions it fired in
 * @param neverFired the ids of the serving set's rules that fired in none of them
 * @param noLongerServed rules that fired in the range under older sets but are not in the serving one
 * @param escapes every escape the serving set offers, and any other that was offered or used in the range
 */
public record RuleCoverage(
        String ruleSetVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant from,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant to,
        long decisions,
        List<Rule> rules,
        List<String> neverFired,
        List<Rule> noLongerServed,
        List<Escape> escapes) {

    /**
     * @param file null for a rule that is no longer served
     * @param lastFiredAt when the last decision it fired in was recorded; null if it never fired
     */
    public record Rule(
            String id,
            @JsonInclude(JsonInclude.Include.NON_NULL) String file,
            long fired,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastFiredAt) {}

    /**
     * @param served whether the serving set offers it
     * @param offered decisions that offered it
     * @param used uses of it made in the range
     * @param approved of those uses, how many a reviewer approved so far
     * @param flagged of those uses, how many a reviewer flagged so far
     */
    public record Escape(String id, boolean served, long offered, long used, long approved, long flagged) {}
}
