package dev.leeway.scenario;

import java.util.List;

/** The outcome of one scenario: it passed when nothing failed. */
public record ScenarioResult(String file, String scenario, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
