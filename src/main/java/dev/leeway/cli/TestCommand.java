package dev.leeway.cli;

import dev.leeway.decision.Decider;
import dev.leeway.decision.DecisionIds;
import dev.leeway.rules.RuleFiles;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetCompiler;
import dev.leeway.rules.Deciders;
import dev.leeway.rules.RuleSetEvaluator;
import dev.leeway.rules.RuleSetInvalidException;
import dev.leeway.rules.RulesProperties;
import dev.leeway.scenario.ScenarioFile;
import dev.leeway.scenario.ScenarioFileException;
import dev.leeway.scenario.ScenarioFiles;
import dev.leeway.scenario.ScenarioResult;
import dev.leeway.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code test <dir>}: does every scenario in {@code <dir>/tests} hold on the rules in {@code <dir>}? */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs every scenario in RULES_DIR/tests/*.yaml against the rules in RULES_DIR and reports "
                + "each one and which rules they fire. Exit code 0 when all pass, 1 when any fails, the rules are "
                + "invalid, or fewer rules than --min-coverage asks fire in some scenario.")
final class TestCommand extends RulesDirectoryCommand {

    @Option(names = "--max-firings", defaultValue = "10000", description = "firing limit per decision (default: ${DEFAULT-VALUE})")
    int maxFirings;

    @Option(names = "--time-zone", defaultValue = "UTC", description = "zone business days are counted in (default: ${DEFAULT-VALUE})")
    ZoneId timeZone;

    @Option(names = "--min-coverage", paramLabel = "PERCENT",
            description = "fail unless at least this share of the rules (0-100) is fired by at least one scenario")
    Double minCoverage;

    @Override
    int run(PrintWriter out) {
        if (minCoverage != null && (minCoverage < 0 || minCoverage > 100 || minCoverage.isNaN())) {
            out.println("ERROR --min-coverage must be a percentage from 0 to 100, not " + minCoverage);
            return 2;
        }
        RuleSet ruleSet;
        List<ScenarioFile> files;
        try {
            ruleSet = new RuleSetCompiler().compile(RuleFiles.read(directory), Instant.now());
            files = ScenarioFiles.read(directory);
        } catch (RuleSetInvalidException e) {
            e.problems().forEach(problem -> out.println("ERROR " + problem));
            out.println("rules are invalid: no scenario was run");
            return 1;
        } catch (ScenarioFileException e) {
            out.println("ERROR " + e.getMessage());
            return 1;
        }
        RulesProperties properties = new RulesProperties(directory, maxFirings, timeZone, false, Duration.ZERO);
        Decider decider = new Deciders(new RuleSetEvaluator(properties), new DecisionIds(), Clock.systemUTC())
                .on(ruleSet);
        ScenarioCoverage coverage = new ScenarioCoverage(ruleSet);
        List<ScenarioResult> results = new ScenarioRunner(coverage.counting(decider::decide)).runAll(files);
        for (ScenarioResult result : results) {
            out.println((result.passed() ? "PASS " : "FAIL ") + result.file() + ": " + result.scenario());
            result.failures().forEach(failure -> out.println("     - " + failure));
        }
        if (results.isEmpty()) {
            // A rules repository whose CI runs no scenario tests nothing; say so rather than pass.
            out.println("ERROR no scenarios found in " + directory.resolve("tests"));
            return 1;
        }
        coverage.print(out);
        long failed = results.stream().filter(result -> !result.passed()).count();
        out.println((results.size() - failed) + " passed, " + failed + " failed");
        if (minCoverage != null && coverage.percent() < minCoverage) {
            out.println("FAIL coverage " + ScenarioCoverage.format(coverage.percent()) + " is below --min-coverage "
                    + ScenarioCoverage.format(minCoverage));
            return 1;
        }
        return failed == 0 ? 0 : 1;
    }
}
