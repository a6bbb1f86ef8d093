package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leeway.BundledRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule files in, compiled rule set or problems with file, line and column out. */
class RuleSetCompilerTest {

    private static final String HEADER = """
            package procedures;

            import dev.leeway.facts.*;

            global dev.leeway.vocabulary.DecisionDraft decision;

            """;

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    void syntaxErrorIsReportedWithFileLineAndColumn() {
        RuleFile broken = new RuleFile("procedures/broken.drl", HEADER + """
                rule "Missing its closing parenthesis"
                    @id("broken") @owner("test") @description("d")
                when
                    ServiceCase( priority == Priority.P1
                then
                    decision.route("TIER2");
                end
                """);

        List<RuleProblem> problems = problemsOf(List.of(broken));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("procedures/broken.drl");
        assertThat(problems.get(0).line()).isEqualTo(11);
        assertThat(problems.get(0).message()).contains("mismatched input 'then'");
        assertThat(problems.get(0).column()).isPositive();
    }

    @Test
    void unknownFactFieldIsReportedAtTheRule() {
        RuleFile typo = new RuleFile("procedures/typo.drl", HEADER + """
                rule "Uses a field that does not exist"
                    @id("typo") @owner("test") @description("d")
                when
                    ServiceCase( urgency == "HIGH" )
                then
                    decision.route("TIER2");
                end
                """);

        List<RuleProblem> problems = problemsOf(List.of(typo));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("procedures/typo.drl");
            assertThat(problem.line()).isEqualTo(10);
            assertThat(problem.message()).contains("urgency");
        });
    }

    @Test
    void ruleWithoutOwnerIsReportedWithItsLine() {
        RuleFile anonymous = new RuleFile("procedures/anonymous.drl", HEADER + """
                rule "Nobody owns this"
                    @id("ownerless")
                    @description("d")
                when
                    ServiceCase()
                then
                    decision.route("TIER2");
                end
                """);

        assertThat(problemsOf(List.of(anonymous))).singleElement().satisfies(problem -> {
            assertThat(problem.toString()).startsWith("procedures/anonymous.drl:7:1: ");
            assertThat(problem.message()).contains("\"Nobody owns this\"", "@owner");
        });
    }

    @Test
    void escapeRuleWithoutEscapeMetadataIsReported() {
        RuleFile escape = new RuleFile("escapes/unnamed.drl", HEADER.replace("procedures", "escapes") + """
                rule "An escape without its name"
                    @id("unnamed") @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    decision.escape("x").skip("TIER1_SCRIPT").allow("AGENT").requireJustification();
                end
                """);

        assertThat(problemsOf(List.of(escape))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("@escape"));
    }

    @Test
    void duplicateIdIsReportedWithBothPlaces() {
        String rule = """
                rule "%s"
                    @id("same-id") @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    decision.route("TIER2");
                end
                """;
        RuleFile first = new RuleFile("procedures/a.drl", HEADER + rule.formatted("First"));
        RuleFile second = new RuleFile("procedures/b.drl", HEADER + rule.formatted("Second"));

        assertThat(problemsOf(List.of(first, second))).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("duplicate @id(\"same-id\")");
            assertThat(problem.toString()).contains("procedures/a.drl:7").contains("procedures/b.drl:7");
        });
    }

    @Test
    void emptyRuleSetIsRefused() {
        assertThat(problemsOf(List.of())).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("no .drl rule files"));
    }

    @Test
    void everyBundledRuleIsListedWithFileLineAndMetadata() {
        RuleSet bundled = BundledRules.ruleSet();

        assertThat(bundled.rules()).hasSizeGreaterThan(40).allSatisfy(rule -> {
            assertThat(rule.file()).endsWith(".drl");
            assertThat(rule.line()).isPositive();
            assertThat(rule.metadata()).containsKeys("id", "owner", "description");
        });
        assertThat(bundled.rules()).filteredOn(rule -> rule.file().startsWith("escapes/"))
                .allSatisfy(rule -> assertThat(rule.metadata()).containsKey("escape"));
    }

    @Test
    void versionIsAContentHashThatChangesWithAnyFile() {
        List<RuleFile> files = RuleFiles.read(BundledRules.DIRECTORY);
        List<RuleFile> edited = new ArrayList<>(files);
        RuleFile last = edited.remove(edited.size() - 1);
        edited.add(new RuleFile(last.path(), last.content() + "\n// a comment\n"));
        List<RuleFile> renamed = new ArrayList<>(files);
        renamed.set(0, new RuleFile("procedures/zz-renamed.drl", files.get(0).content()));

        assertThat(RuleFiles.version(files)).matches("sha256:[0-9a-f]{64}")
                .isEqualTo(RuleFiles.version(RuleFiles.read(BundledRules.DIRECTORY)))
                .isNotEqualTo(RuleFiles.version(edited))
                .isNotEqualTo(RuleFiles.version(renamed));
        assertThat(BundledRules.ruleSet().version()).isEqualTo(RuleFiles.version(files));
    }

    private List<RuleProblem> problemsOf(List<RuleFile> files) {
        try {
            compiler.compile(files, Instant.now());
        } catch (RuleSetInvalidException e) {
            return e.problems();
        }
        throw new AssertionError("expected the rule set to be refused");
    }

    @Test
    void problemsOfAnInvalidSetAreAllInTheException() {
        assertThatThrownBy(() -> compiler.compile(List.of(new RuleFile("procedures/x.drl", "rule")), Instant.now()))
                .isInstanceOf(RuleSetInvalidException.class)
                .hasMessageContaining("procedures/x.drl:");
    }
}
