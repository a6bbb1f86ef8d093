package dev.leeway.cli;

import dev.leeway.rules.RuleFiles;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetCompiler;
import dev.leeway.rules.RuleSetInvalidException;
import dev.leeway.scenario.ScenarioFileException;
import dev.leeway.scenario.ScenarioFiles;
import dev.leeway.scenario.ScenarioSource;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code validate <dir>}: do the rule files compile, with their metadata, and are the scenario files readable? */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compiles the rule files and checks every rule's metadata and the scenario files' syntax. "
                + "Exit code 0 when valid, 1 when not, 2 on bad usage.")
final class ValidateCommand extends RulesDirectoryCommand {

    @Override
    int run(PrintWriter out) {
        List<String> problems = new ArrayList<>();
        RuleSet ruleSet = null;
        try {
            ruleSet = new RuleSetCompiler().compile(RuleFiles.read(directory), Instant.now());
        } catch (RuleSetInvalidException e) {
            e.problems().forEach(problem -> problems.add(problem.toString()));
        }
        for (ScenarioSource source : ScenarioFiles.sources(directory)) {
            try {
                ScenarioFiles.parse(source);
            } catch (ScenarioFileException e) {
                problems.add(e.getMessage());
            }
        }
        problems.forEach(problem -> out.println("ERROR " + problem));
        if (!problems.isEmpty()) {
            out.println(problems.size() + " problem(s) in " + directory);
            return 1;
        }
        out.println("OK " + directory + ": " + ruleSet.contents() + ", version " + ruleSet.version());
        return 0;
    }
}
