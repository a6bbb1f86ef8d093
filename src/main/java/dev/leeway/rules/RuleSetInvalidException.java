package dev.leeway.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A candidate rule set that cannot serve, with every problem found in it. */
public class RuleSetInvalidException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleSetInvalidException(List<RuleProblem> problems) {
        super("rule set is invalid:\n" + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
