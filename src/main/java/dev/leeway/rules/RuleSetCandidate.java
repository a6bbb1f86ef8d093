package dev.leeway.rules;

import dev.leeway.scenario.ScenarioFiles;
import dev.leeway.scenario.ScenarioSource;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule set that might serve: its files (DRL and calendars) and the scenarios it must pass. Reloads, validation
 * and what-if runs all start from one.
 */
public record RuleSetCandidate(List<RuleFile> rules, List<ScenarioSource> scenarios) {

    public RuleSetCandidate {
        rules = rules.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
        scenarios = List.copyOf(scenarios);
    }

    /** The rules directory as it is on disk now. */
    public static RuleSetCandidate fromDirectory(Path directory) {
        return new RuleSetCandidate(RuleFiles.read(directory), ScenarioFiles.sources(directory));
    }

    /**
     * This candidate with files replaced or added (same path replaces) and paths removed; scenario
     * files ({@code tests/…yaml}) and rule-set files ({@code .drl}, {@code calendars/…yaml}) are
     * told apart by their path.
     */
    public RuleSetCandidate with(Collection<RuleFile> changed, Collection<String> removed) {
        Map<String, RuleFile> ruleFiles = new TreeMap<>();
        rules.forEach(file -> ruleFiles.put(file.path(), file));
        Map<String, ScenarioSource> scenarioFiles = new TreeMap<>();
        scenarios.forEach(source -> scenarioFiles.put(source.path(), source));
        for (RuleFile file : changed) {
            if (isScenario(file.path())) {
                scenarioFiles.put(file.path(), new ScenarioSource(file.path(), file.content()));
            } else {
                ruleFiles.put(file.path(), file);
            }
        }
        removed.forEach(path -> {
            ruleFiles.remove(path);
            scenarioFiles.remove(path);
        });
        return new RuleSetCandidate(List.copyOf(ruleFiles.values()), List.copyOf(scenarioFiles.values()));
    }

    public String version() {
        return RuleFiles.version(rules);
    }

    static boolean isScenario(String path) {
        return path.startsWith("tests/") && (path.endsWith(".yaml") || path.endsWith(".yml"));
    }
}
