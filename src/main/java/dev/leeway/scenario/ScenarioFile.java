package dev.leeway.scenario;

import java.util.List;

/**
 * A YAML file of scenarios.
 *
 * @param path relative to the rules directory, e.g. {@code tests/repeat-contact.yaml}
 */
public record ScenarioFile(String path, List<Scenario> scenarios) {

    public ScenarioFile {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }
}
