package dev.leeway.cli;

import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.decision.FiredRule;
import dev.leeway.rules.RuleInfo;
import dev.leeway.rules.RuleSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which of a rule set's rules the scenarios fire: each scenario decides once, and every rule its
 * decision fired counts that scenario once. A rule no scenario fires is a rule nothing tests.
 */
final class ScenarioCoverage {

    /** Scenarios that fired each rule of the set, by rule id. */
    private final Map<String, Integer> scenariosByRule = new TreeMap<>();

    ScenarioCoverage(RuleSet ruleSet) {
        ruleSet.rules().stream().map(RuleInfo::id).filter(Objects::nonNull).forEach(id -> scenariosByRule.put(id, 0));
    }

    /** The decider, counting the rules each of its decisions fires. */
    Function<DecisionRequest, Decision> counting(Function<DecisionRequest, Decision> decider) {
        return request -> {
            Decision decision = decider.apply(request);
            decision.firedRules().stream().map(FiredRule::id).filter(Objects::nonNull).distinct()
                    .forEach(id -> scenariosByRule.computeIfPresent(id, (rule, scenarios) -> scenarios + 1));
            return decision;
        };
    }

    List<String> neverFired() {
        return scenariosByRule.entrySet().stream().filter(entry -> entry.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    /** The share of the set's rules that at least one scenario fired, in percent; 100 for a set without rules. */
    double percent() {
        return scenariosByRule.isEmpty() ? 100 : 100.0 * (scenariosByRule.size() - neverFired().size()) / scenariosByRule.size();
    }

    void print(PrintWriter out) {
        int rules = scenariosByRule.size();
        out.println("coverage: " + (rules - neverFired().size()) + " of " + rules + " rules fired by at least one scenario ("
                + format(percent()) + ")");
        scenariosByRule.forEach((rule, scenarios) -> out.printf(Locale.ROOT, "%6d  %s%n", scenarios, rule));
        if (!neverFired().isEmpty()) {
            out.println("no scenario fires: " + String.join(", ", neverFired()));
        }
    }

    static String format(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
