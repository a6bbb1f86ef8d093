package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leeway.BundledRules;
import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.facts.Customer;
import dev.leeway.facts.ServiceCase;
import dev.leeway.terms.Dimension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vocabulary travels with the rules: compiled into the set, part of its version, checked where rules use it. */
class RuleSetVocabularyTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final String VOCABULARY = """
            priority:
              values: [CRITICAL, HIGH, NORMAL, LOW]
              default: NORMAL
            tier:
              values: [GOLD, SILVER, BRONZE]
            channel:
              values: [PHONE, EMAIL]
            sentiment:
              values: [CALM, UPSET]
            status:
              values: [OPEN, PENDING, DONE]
              default: OPEN
              closed: [DONE]
            attributes:
              segment: { type: text, values: [SMB, CORPORATE] }
            sources:
              acme: { priority: { p1: CRITICAL } }
            """;

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private static RuleFile rules(String condition, String consequence) {
        return new RuleFile("procedures/routing.drl", """
                package procedures;

                import dev.leeway.facts.*;

                global dev.leeway.vocabulary.DecisionDraft decision;

                rule "Route"
                    @id("route") @owner("test") @description("d")
                when
                    %s
                then
                    %s
                end
                """.formatted(condition, consequence));
    }

    private static RuleFile vocabulary(String content) {
        return new RuleFile("vocabulary.yaml", content);
    }

    private List<RuleProblem> problemsOf(RuleFile... files) {
        try {
            compiler.compile(List.of(files), AT);
        } catch (RuleSetInvalidException e) {
            return e.problems();
        }
        throw new AssertionError("the rule set compiled");
    }

    /** Where the text first appears in the file, as line and column counted from 1. */
    private static int[] positionOf(RuleFile file, String text) {
        int offset = file.content().indexOf(text);
        String before = file.content().substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return new int[] {line, offset - before.lastIndexOf('\n')};
    }

    private static Decision decide(RuleSet ruleSet, String priority, String tier) {
        ServiceCase serviceCase = new ServiceCase("C-1", null, null, priority, null, null, AT, null, null, null, null,
                null, false, null, null, null, null, new Customer("CU-1", tier, null, false, false, null),
                Map.of("segment", "corporate"), null, false, false);
        return BundledRules.deciderOn(ruleSet, 100).decide(new DecisionRequest(serviceCase, null, null, AT, null));
    }

    @Test
    void bundledRuleSetSpeaksTheBundledVocabularyWithFourHelpdesksAliases() {
        RuleSet bundled = BundledRules.ruleSet();

        assertThat(bundled.files()).extracting(RuleFile::path).contains("vocabulary.yaml");
        assertThat(bundled.vocabulary().values(Dimension.PRIORITY)).containsExactly("P1", "P2", "P3", "P4");
        assertThat(bundled.vocabulary().sources()).containsOnlyKeys("zendesk", "freshdesk", "servicenow", "jira");
        assertThat(bundled.vocabulary().source("ZenDesk").orElseThrow().valueFor(Dimension.PRIORITY, "Normal"))
                .contains("P3");
    }

    @Test
    void ruleComparingWithATierTheVocabularyDoesNotDeclareIsRefusedAtTheValue() {
        RuleFile rule = rules("Customer( tier == \"PLATINUM\" )", "decision.route(\"VIP\");");

        List<RuleProblem> problems = problemsOf(vocabulary(VOCABULARY), rule);

        assertThat(problems).hasSize(1);
        RuleProblem problem = problems.get(0);
        int[] at = positionOf(rule, "\"PLATINUM\"");
        assertThat(problem.file()).isEqualTo("procedures/routing.drl");
        assertThat(new int[] {problem.line(), problem.column()}).isEqualTo(at);
        assertThat(problem.message()).contains("rule \"Route\"", "\"PLATINUM\"", "GOLD, SILVER, BRONZE", "never fire");
    }

    @Test
    void declaredValueLetsTheSameKindOfRuleLoadAndFire() {
        RuleSet ruleSet = compiler.compile(List.of(vocabulary(VOCABULARY),
                rules("Customer( tier == \"GOLD\" )", "decision.route(\"VIP\");")), AT);

        assertThat(decide(ruleSet, null, "gold").route().step()).isEqualTo("VIP");
        assertThat(decide(ruleSet, null, "SILVER").route()).isNull();
    }

    @Test
    void rankFieldMatchesTheValueAndEveryMoreUrgentOneInTheVocabularysOrder() {
        RuleSet ruleSet = compiler.compile(List.of(vocabulary(VOCABULARY),
                rules("ServiceCase( priorityAtLeast contains \"HIGH\" )", "decision.route(\"FAST_LANE\");")), AT);

        assertThat(decide(ruleSet, "CRITICAL", null).route().step()).isEqualTo("FAST_LANE");
        assertThat(decide(ruleSet, "HIGH", null).route().step()).isEqualTo("FAST_LANE");
        assertThat(decide(ruleSet, "NORMAL", null).route()).isNull();
        assertThat(decide(ruleSet, null, null).route()).as("the default, NORMAL").isNull();
    }

    @Test
    void orderingValuesByTheirSpellingIsRefusedWithTheRankFieldSuggested() {
        RuleFile rule = rules("ServiceCase( priority < \"HIGH\" )", "decision.route(\"FAST_LANE\");");

        List<RuleProblem> problems = problemsOf(vocabulary(VOCABULARY), rule);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(new int[] {problem.line(), problem.column()}).isEqualTo(positionOf(rule, "priority <"));
            assertThat(problem.message()).contains("spelling", "priorityAtLeast contains \"HIGH\"");
        });
    }

    @Test
    void clockPausedInAStatusTheVocabularyDoesNotDeclareIsRefusedAtTheStatus() {
        RuleFile rule = rules("ServiceCase()",
                "decision.deadline(\"RESOLUTION\").hoursAfterOpening(8).pausedWhile(\"WAITING_FOR_CUSTOMER\");");

        List<RuleProblem> problems = problemsOf(vocabulary(VOCABULARY), rule);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(new int[] {problem.line(), problem.column()})
                    .isEqualTo(positionOf(rule, "\"WAITING_FOR_CUSTOMER\""));
            assertThat(problem.message()).contains("OPEN, PENDING, DONE");
        });
    }

    @Test
    void attributeValueTheVocabularyDoesNotDeclareIsRefused() {
        RuleFile rule = rules("ServiceCase( attributes[\"segment\"] == \"MIDMARKET\" )", "decision.route(\"X\");");

        assertThat(problemsOf(vocabulary(VOCABULARY), rule)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("segment", "SMB, CORPORATE"));
    }

    @Test
    void typedAttributeReachesTheRulesAsDeclared() {
        RuleSet ruleSet = compiler.compile(List.of(vocabulary(VOCABULARY),
                rules("ServiceCase( attributes[\"segment\"] == \"CORPORATE\" )", "decision.route(\"KEY_ACCOUNTS\");")), AT);

        assertThat(decide(ruleSet, null, null).route().step()).as("sent as corporate").isEqualTo("KEY_ACCOUNTS");
    }

    @Test
    void mistakesInTheVocabularyAreReportedAtTheirLineAndColumn() {
        RuleFile broken = vocabulary(VOCABULARY.replace("default: NORMAL", "default: MEDIUM")
                .replace("closed: [DONE]", "closed: [FINISHED]")
                .replace("{ p1: CRITICAL }", "{ p1: URGENT }"));

        List<RuleProblem> problems = problemsOf(broken, rules("ServiceCase()", "decision.route(\"X\");"));

        assertThat(problems).extracting(RuleProblem::file).containsOnly("vocabulary.yaml");
        assertThat(problems).extracting(problem -> new int[] {problem.line(), problem.column()})
                .containsExactly(positionOf(broken, "MEDIUM"), positionOf(broken, "FINISHED"), positionOf(broken, "URGENT"));
        assertThat(problems.get(0).message()).contains("CRITICAL, HIGH, NORMAL, LOW");
    }

    @Test
    void vocabularyMissingASectionIsRefused() {
        List<RuleProblem> problems = problemsOf(vocabulary(VOCABULARY.replace("sentiment:\n  values: [CALM, UPSET]\n", "")),
                rules("ServiceCase()", "decision.route(\"X\");"));

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).contains("no sentiment"));
    }

    @Test
    void editingTheVocabularyMakesANewRuleSetVersion() {
        RuleFile rule = rules("ServiceCase()", "decision.route(\"X\");");
        RuleSet before = compiler.compile(List.of(vocabulary(VOCABULARY), rule), AT);

        RuleSet after = compiler.compile(List.of(vocabulary(VOCABULARY.replace("[GOLD, SILVER, BRONZE]",
                "[GOLD, SILVER, BRONZE, TIN]")), rule), AT);

        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.vocabulary().values(Dimension.TIER)).endsWith("TIN");
    }

    @Test
    void ruleSetWrittenBeforeVocabulariesStillCompilesReadingItsConstantsAsValues() {
        RuleFile legacy = rules("ServiceCase( priority == Priority.P1 ) Customer( tier in (CustomerTier.PREMIUM) )",
                "decision.route(\"Priority.P1 and premium\");");

        RuleSet ruleSet = compiler.compile(List.of(legacy), AT);

        assertThat(ruleSet.files()).containsExactly(legacy);
        assertThat(decide(ruleSet, "P1", "PREMIUM").route().step()).isEqualTo("Priority.P1 and premium");
        assertThat(decide(ruleSet, "P2", "PREMIUM").route()).isNull();
    }
}
