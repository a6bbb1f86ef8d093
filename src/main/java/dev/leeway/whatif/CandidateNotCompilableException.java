package dev.leeway.whatif;

import dev.leeway.rules.RuleProblem;
import java.util.List;

/** A what-if candidate whose rules do not compile, so there is nothing to replay on. */
public class CandidateNotCompilableException extends RuntimeException {

    private final List<RuleProblem> problems;

    public CandidateNotCompilableException(List<RuleProblem> problems) {
        super("the candidate rule set does not compile: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
