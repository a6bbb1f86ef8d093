package dev.leeway.whatif;

import dev.leeway.decision.DecisionRequest;
import dev.leeway.rules.CandidateChange;
import dev.leeway.rules.SubmittedFile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * {@code POST /api/v1/rules/simulate}: a proposed change (files on top of the rules directory, as
 * for validation) and the recorded inputs to replay, each at its own {@code at}.
 */
public record SimulationRequest(
        List<@Valid SubmittedFile> files,
        List<String> remove,
        boolean replaceAll,
        @NotEmpty List<@Valid DecisionRequest> inputs) {

    CandidateChange change() {
        return new CandidateChange(files, remove, replaceAll);
    }
}
