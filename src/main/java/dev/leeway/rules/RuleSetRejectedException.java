package dev.leeway.rules;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** A reload that refused the rules directory: the set that served before keeps serving. */
public class RuleSetRejectedException extends ProblemException {

    /** Every refusal of candidate rules, whichever way they came, is this one type of problem. */
    public static final URI TYPE = URI.create("urn:leeway:problem:rule-set-rejected");

    RuleSetRejectedException(ReloadOutcome outcome) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, TYPE, "Rule set rejected",
                "The rules directory was not loaded; " + (outcome.activeVersion() == null
                        ? "no rule set is serving." : "rule set " + outcome.activeVersion() + " keeps serving."));
        describe("activeVersion", outcome.activeVersion());
        describe("candidateVersion", outcome.candidateVersion());
        describe("errors", outcome.problems());
    }
}
