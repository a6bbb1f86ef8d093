package dev.leeway;

import dev.leeway.decision.Decider;
import dev.leeway.decision.DecisionIds;
import dev.leeway.rules.RuleFiles;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetCompiler;
import dev.leeway.rules.Deciders;
import dev.leeway.rules.RuleSetEvaluator;
import dev.leeway.rules.RulesProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The rule set shipped in {@code rules/}, compiled once for the tests that read it outside Spring. */
public final class BundledRules {

    public static final Path DIRECTORY = Path.of("rules");
    private static RuleSet ruleSet;

    private BundledRules() {}

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            ruleSet = new RuleSetCompiler().compile(RuleFiles.read(DIRECTORY), Instant.now());
        }
        return ruleSet;
    }

    public static Decider decider() {
        return deciderOn(ruleSet(), 10_000);
    }

    public static Decider deciderOn(RuleSet ruleSet, int maxFirings) {
        RulesProperties properties = new RulesProperties(DIRECTORY, maxFirings, ZoneId.of("UTC"), false, Duration.ZERO);
        return new Deciders(new RuleSetEvaluator(properties), new DecisionIds(), Clock.systemUTC()).on(ruleSet);
    }
}
