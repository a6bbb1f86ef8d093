package dev.leeway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HarmfulRules;

import dev.leeway.EditableRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline commands a rule repository's CI runs: report in words, fail with a non-zero exit. */
class LeewayCliTest {

    record Run(int exitCode, String output) {}

    @Test
    void validateAcceptsTheBundledRules() {
        Run run = run("validate", "rules");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).startsWith("OK rules: ").contains("rules in 19 files, 2 calendars and its own vocabulary, version sha256:");
    }

    @Test
    void validateNamesTheBrokenFileLineAndColumnAndFails() {
        Run run = run("validate", "src/test/resources/rulesets/broken");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("ERROR procedures/typo.drl:12:").contains("1 problem(s)");
    }

    @Test
    void validateNamesABrokenCalendarAtFileLineAndColumnAndFails() {
        EditableRules rules = EditableRules.copyOfBundled();
        rules.write("calendars/always.yaml", "timeZone: UTC\nhours: always\nholidays: [2026-02-30]\n");

        Run run = run("validate", rules.directory().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("ERROR calendars/always.yaml:3:12: bad date \"2026-02-30\" in holidays; write YYYY-MM-DD")
                .contains("1 problem(s)");
    }

    @Test
    void testRunsEveryBundledScenarioAndPasses() {
        Run run = run("test", "rules");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("PASS tests/repeat-contact.yaml: repeat contact skips the tier-1 script");
        assertThat(run.output().strip()).matches("(?s).*\\n\\d+ passed, 0 failed$");
    }

    @Test
    void testReportsAFailingScenarioAndFails() {
        EditableRules rules = EditableRules.copyOfBundled();
        rules.write("escapes/goodwill.drl", rules.read("escapes/goodwill.drl").replace(".upTo(50)", ".upTo(30)"));

        Run run = run("test", rules.directory().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("FAIL tests/goodwill.yaml: when the company is at fault an agent grants small goodwill")
                .contains("verdict conditions: expected [JUSTIFICATION] but were [APPROVAL:TEAM_LEAD]")
                .containsPattern("\\d+ passed, 1 failed");
    }

    /** A guardrail no bundled scenario reaches: no case has a thousand contacts about one problem. */
    static final String UNREACHED_RULE = """
            package guardrails;

            import dev.leeway.facts.*;

            global dev.leeway.vocabulary.DecisionDraft decision;

            rule "A thousand contacts about one problem"
                @id("guardrail-thousand-contacts")
                @owner("security")
                @description("No case comes back this often; nothing tests it.")
            when
                ServiceCase( contactsAboutSameProblem > 1000 )
            then
                decision.forbid("SKIP_STEP").ofStep("VERIFY_IDENTITY").reason("Something is wrong with this case.");
            end
            """;

    @Test
    void testPrintsHowManyScenariosFireEachRuleAndTheRulesNoneFires() {
        EditableRules rules = EditableRules.copyOfBundled();
        rules.write("guardrails/thousand-contacts.drl", UNREACHED_RULE);

        Run run = run("test", rules.directory().toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .containsPattern("coverage: \\d+ of 49 rules fired by at least one scenario \\(\\d+\\.\\d%\\)")
                .containsPattern("\\n +[1-9]\\d*  escape-repeat-contact\\n")
                .contains("\n     0  guardrail-thousand-contacts\n")
                .containsPattern("no scenario fires: [^\\n]*guardrail-thousand-contacts");
    }

    @Test
    void testFailsWhenFewerRulesThanMinCoverageAsksAreFired() {
        EditableRules rules = EditableRules.copyOfBundled();
        rules.write("guardrails/thousand-contacts.drl", UNREACHED_RULE);

        Run below = run("test", "--min-coverage", "100", rules.directory().toString());
        Run above = run("test", "--min-coverage", "50", rules.directory().toString());

        assertThat(below.exitCode()).as(below.output()).isEqualTo(1);
        assertThat(below.output().strip()).as("every scenario passed; the last line says why it fails anyway")
                .containsPattern("\\d+ passed, 0 failed\\nFAIL coverage \\d+\\.\\d% is below --min-coverage 100\\.0%$");
        assertThat(above.exitCode()).as(above.output()).isZero();
    }

    @Test
    void aMinCoverageThatIsNoPercentageIsRefused() {
        Run run = run("test", "--min-coverage", "120", "rules");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("ERROR --min-coverage must be a percentage from 0 to 100, not 120");
    }

    @Test
    void validateAndTestRefuseARuleThatWritesAFileAndNothingIsWritten(@TempDir Path rules) throws IOException {
        Path written = rules.resolve("written.txt");
        Files.createDirectories(rules.resolve("procedures"));
        Files.createDirectories(rules.resolve("tests"));
        Files.writeString(rules.resolve(HarmfulRules.WRITING_PATH), HarmfulRules.writingTo(written));
        Files.writeString(rules.resolve("tests/writes.yaml"), """
                scenarios:
                  - name: any case makes the rule fire
                    case: { id: C-1 }
                    expect:
                      fired: [writes]
                """);

        Run validate = run("validate", rules.toString());
        Run test = run("test", rules.toString());

        assertThat(written).as("written by the rule when a scenario ran it").doesNotExist();
        String refusal = "ERROR procedures/writes.drl:12:5: rule \"Writes a file\": the consequence may only use the "
                + "decision vocabulary; \"java.nio.file.Files.writeString(...)\" calls static method "
                + "java.nio.file.Files.writeString";
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.output()).contains(refusal).contains("1 problem(s)");
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.output()).contains(refusal).contains("rules are invalid: no scenario was run");
    }

    @Test
    void testOnADirectoryWithoutScenariosFails() {
        Run run = run("test", "src/test/resources/rulesets/runaway");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("no scenarios found");
    }

    @Test
    void aMissingDirectoryArgumentIsAUsageError() {
        assertThat(run("validate").exitCode()).isEqualTo(2);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        int exitCode = LeewayCli.execute(args, new PrintWriter(out, true), new PrintWriter(out, true));
        return new Run(exitCode, out.toString());
    }
}
