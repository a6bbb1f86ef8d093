package dev.leeway.rules;

import dev.leeway.scenario.ScenarioFile;
import dev.leeway.scenario.ScenarioFileException;
import dev.leeway.scenario.ScenarioFiles;
import dev.leeway.scenario.ScenarioResult;
import dev.leeway.scenario.ScenarioRunner;
import dev.leeway.scenario.ScenarioSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides whether a candidate may serve: it must compile with every rule's metadata in place, and
 * every scenario in its {@code tests/} must hold on it. Used before a reload swaps a set in, by
 * {@code POST /api/v1/rules/validate} and by what-if runs. It also warns of each value the
 * candidate no longer declares that recorded decisions' rule sets did (see {@link VocabularyRemovals}).
 */
@Component
public class RuleSetValidator {

    private final RuleSetCompiler compiler;
    private final Deciders deciders;
    private final VocabularyRemovals removals;
    private final Clock clock;

    /** @param recorded the audit log's vocabularies; none without an audit log */
    public RuleSetValidator(RuleSetCompiler compiler, Deciders deciders, ObjectProvider<RecordedVocabularies> recorded,
            Clock clock) {
        this.compiler = compiler;
        this.deciders = deciders;
        this.removals = new VocabularyRemovals(recorded.getIfAvailable(() -> RecordedVocabularies.NONE));
        this.clock = clock;
    }

    public Validation validate(RuleSetCandidate candidate) {
        RuleSet ruleSet;
        try {
            ruleSet = compiler.compile(candidate.rules(), clock.instant());
        } catch (RuleSetInvalidException e) {
            return new Validation(candidate.version(), null, e.problems(), 0, 0, List.of());
        }
        List<RuleProblem> problems = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(deciders.on(ruleSet)::decide);
        int run = 0;
        int failed = 0;
        for (ScenarioSource source : candidate.scenarios()) {
            ScenarioFile file;
            try {
                file = ScenarioFiles.parse(source);
            } catch (ScenarioFileException e) {
                problems.add(new RuleProblem(e.file(), e.line(), e.column(), e.reason()));
                continue;
            }
            for (var scenario : file.scenarios()) {
                ScenarioResult result = runner.run(file.path(), scenario);
                run++;
                if (!result.passed()) {
                    failed++;
                    problems.add(new RuleProblem(source.path(), source.lineOf(scenario.name()), 1,
                            "scenario \"" + scenario.name() + "\" fails: " + String.join("; ", result.failures())));
                }
            }
        }
        return new Validation(ruleSet.version(), ruleSet, problems, run, failed, removals.in(ruleSet));
    }
}
