package dev.leeway.whatif;

import dev.leeway.problem.ProblemException;
import dev.leeway.rules.RuleSetRejectedException;
import dev.leeway.rules.RuleProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A what-if candidate whose rules do not compile, so there is nothing to replay on. */
public class CandidateNotCompilableException extends ProblemException {

    public CandidateNotCompilableException(List<RuleProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, RuleSetRejectedException.TYPE, "Candidate rule set does not compile",
                "the candidate rule set does not compile: " + problems.size() + " problem(s)");
        describe("errors", List.copyOf(problems));
    }
}
