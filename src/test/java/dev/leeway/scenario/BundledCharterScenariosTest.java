package dev.leeway.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BundledRules;
import dev.leeway.rules.RuleInfo;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario in {@code rules/tests/} against the bundled charter. */
class BundledCharterScenariosTest {

    private static final List<ScenarioFile> FILES = ScenarioFiles.read(BundledRules.DIRECTORY);

    @TestFactory
    Stream<DynamicTest> everyBundledScenarioHolds() {
        ScenarioRunner runner = new ScenarioRunner(BundledRules.decider()::decide);
        return FILES.stream().flatMap(file -> file.scenarios().stream().map(scenario ->
                DynamicTest.dynamicTest(file.path() + ": " + scenario.name(), () -> {
                    ScenarioResult result = runner.run(file.path(), scenario);
                    assertThat(result.failures()).as(result.file() + " / " + result.scenario()).isEmpty();
                })));
    }

    @Test
    void everyBundledRuleIsExercisedByANamedScenario() {
        Set<String> named = new TreeSet<>();
        FILES.forEach(file -> file.scenarios().forEach(scenario -> {
            if (scenario.expect() != null && scenario.expect().fired() != null) {
                named.addAll(scenario.expect().fired());
            }
        }));
        Set<String> ruleIds = new TreeSet<>(BundledRules.ruleSet().rules().stream().map(RuleInfo::id).toList());

        assertThat(named).as("rules that no scenario expects to fire").containsAll(ruleIds);
        assertThat(ruleIds).as("scenarios naming rules that do not exist").containsAll(named);
    }
}
