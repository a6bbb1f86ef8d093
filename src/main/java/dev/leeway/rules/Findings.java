package dev.leeway.rules;

import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.BaseDescr;

/** What the checks refuse in one rule file, gathered while they walk it, each at its place in the file. */
final class Findings {

    private final SourceText source;
    private final List<RuleProblem> problems = new ArrayList<>();

    Findings(SourceText source) {
        this.source = source;
    }

    SourceText source() {
        return source;
    }

    void refuse(int offset, String message) {
        problems.add(source.problemAt(offset, message));
    }

    void refuse(BaseDescr at, String message) {
        problems.add(source.problemAt(at, message));
    }

    void add(RuleProblem problem) {
        problems.add(problem);
    }

    List<RuleProblem> problems() {
        return List.copyOf(problems);
    }
}
