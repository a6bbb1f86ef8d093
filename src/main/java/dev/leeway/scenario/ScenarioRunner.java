package dev.leeway.scenario;

import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs scenarios through a decider and reports each one's failures. The decider is a function so
 * that the same scenarios can run on the active rule set, on a candidate, or offline.
 */
public final class ScenarioRunner {

    private final Function<DecisionRequest, Decision> decider;

    public ScenarioRunner(Function<DecisionRequest, Decision> decider) {
        this.decider = decider;
    }

    public ScenarioResult run(String file, Scenario scenario) {
        if (scenario.serviceCase() == null) {
            return new ScenarioResult(file, scenario.name(), List.of("scenario gives no case"));
        }
        try {
            Decision decision = decider.apply(scenario.toRequest());
            return new ScenarioResult(file, scenario.name(), ScenarioCheck.failures(scenario.expect(), decision));
        } catch (RuntimeException e) {
            return new ScenarioResult(file, scenario.name(), List.of("decision failed: " + e.getMessage()));
        }
    }

    public List<ScenarioResult> runAll(List<ScenarioFile> files) {
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioFile file : files) {
            for (Scenario scenario : file.scenarios()) {
                results.add(run(file.path(), scenario));
            }
        }
        return results;
    }
}
