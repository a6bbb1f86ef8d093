package dev.leeway.whatif;

import dev.leeway.audit.DecisionFilter;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.problem.InvalidParameterException;
import dev.leeway.rules.CandidateChange;
import dev.leeway.rules.SubmittedFile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/rules/simulate}: a proposed change (files on top of the rules directory, as
 * for validation) and what to replay: either {@code inputs}, each at its own {@code at}, or the
 * decisions recorded in [{@code from}, {@code to}), narrowed to a case, a rule that fired or an
 * escape offered, as the audit listing narrows them.
 */
public record SimulationRequest(
        List<@Valid SubmittedFile> files,
        List<String> remove,
        boolean replaceAll,
        @Size(min = 1, message = "must hold at least one input") List<@Valid DecisionRequest> inputs,
        Instant from,
        Instant to,
        String caseId,
        String rule,
        String escape) {

    CandidateChange change() {
        return new CandidateChange(files, remove, replaceAll);
    }

    /** Whether the decisions to replay are the recorded ones of a time window. */
    boolean replaysTheLog() {
        return from != null || to != null;
    }

    /** The recorded decisions a replay of the log reads. */
    DecisionFilter recorded() {
        return new DecisionFilter(caseId, rule, escape, null, from, to);
    }

    /**
     * Exactly one of {@code inputs} or {@code from}/{@code to}; the filters only narrow a window.
     *
     * @throws InvalidParameterException naming the field that is missing or out of place
     */
    void requireOneSource() {
        if (inputs != null && replaysTheLog()) {
            throw new InvalidParameterException("inputs", "cannot be given with from/to: replay either the inputs "
                    + "given or the decisions recorded in a time window");
        }
        if (inputs == null && !replaysTheLog()) {
            throw new InvalidParameterException("inputs", "is missing: give the inputs to replay, or from and to "
                    + "to replay the decisions recorded in that time window");
        }
        if (inputs != null) {
            for (String[] filter : new String[][] {{"caseId", caseId}, {"rule", rule}, {"escape", escape}}) {
                if (filter[1] != null) {
                    throw new InvalidParameterException(filter[0], "narrows a time window (from/to) and cannot be "
                            + "given with inputs");
                }
            }
            return;
        }
        if (from == null) {
            throw new InvalidParameterException("from", "is missing: a replay of recorded decisions needs both from and to");
        }
        if (to == null) {
            throw new InvalidParameterException("to", "is missing: a replay of recorded decisions needs both from and to");
        }
        if (!to.isAfter(from)) {
            throw new InvalidParameterException("to", "must be after from (" + from + "), not " + to);
        }
    }
}
