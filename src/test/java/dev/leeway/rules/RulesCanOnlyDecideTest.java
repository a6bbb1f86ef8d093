package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.leeway.BundledRules;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.facts.ServiceCase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule file may read facts and write through the decision vocabulary, and nothing else: anything
 * more is refused like a compile error, at its file, line and column, before Drools compiles or
 * runs any of it. Each test that shows a harmful rule also shows that its harm did not happen.
 */
class RulesCanOnlyDecideTest {

    private static final String HEADER = """
            package procedures;

            import dev.leeway.facts.*;

            global dev.leeway.vocabulary.DecisionDraft decision;

            """;
    private static final String CONSEQUENCE = "the consequence may only use the decision vocabulary; ";
    private static final String CONDITION = "a condition may only read facts and compare values; ";
    private static final List<String> PROPERTIES = List.of("leeway.pwned.condition", "leeway.pwned.eval",
            "leeway.pwned.function", "leeway.pwned.metadata", "leeway.pwned.reflection", "leeway.pwned.class",
            "leeway.pwned.escape");

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @AfterEach
    void forgetWhatARuleMightHaveSet() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void aConsequenceThatWritesAFileIsRefusedAndNoFileIsWritten(@TempDir Path directory) {
        Path written = directory.resolve("written.txt");
        Path opened = directory.resolve("opened.txt");

        List<RuleProblem> problems = problemsOf("procedures/writes.drl", HEADER + """
                rule "Writes a file"
                    @id("writes") @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "pwned");
                    new java.io.FileWriter("%s").close();
                    decision.route("TIER2");
                end
                """.formatted(slashed(written), slashed(opened)));

        assertThat(written).doesNotExist();
        assertThat(opened).doesNotExist();
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/writes.drl:12:5: rule \"Writes a file\": " + CONSEQUENCE
                        + "\"java.nio.file.Files.writeString(...)\" calls static method java.nio.file.Files.writeString",
                "procedures/writes.drl:13:5: rule \"Writes a file\": " + CONSEQUENCE
                        + "\"new java.io.FileWriter(...)\" constructs an object");
    }

    @Test
    void aConsequenceThatStartsAProcessIsRefusedAndNoProcessRuns(@TempDir Path directory) {
        Path built = directory.resolve("built.txt");
        Path executed = directory.resolve("executed.txt");

        List<RuleProblem> problems = problemsOf("procedures/starts.drl", HEADER + """
                rule "Starts a process"
                    @id("starts") @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    new ProcessBuilder("touch", "%s").start().waitFor();
                      Runtime.getRuntime().exec(new String[] { "touch", "%s" }).waitFor();
                end
                """.formatted(slashed(built), slashed(executed)));

        assertThat(built).as("touched by a process the rule started").doesNotExist();
        assertThat(executed).as("touched by a process the rule started").doesNotExist();
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/starts.drl:12:5: rule \"Starts a process\": " + CONSEQUENCE
                        + "\"new ProcessBuilder(...)\" constructs an object",
                "procedures/starts.drl:13:7: rule \"Starts a process\": " + CONSEQUENCE
                        + "\"Runtime.getRuntime()\" calls static method Runtime.getRuntime");
    }

    @Test
    void aConsequenceThatUsesReflectionIsRefusedAndNothingIsReached() {
        List<RuleProblem> problems = problemsOf("procedures/reflects.drl", HEADER + """
                rule "Uses reflection"
                    @id("reflects") @owner("test") @description("d")
                when
                    $case : ServiceCase()
                then
                    Class.forName("java.lang.System").getMethod("setProperty", String.class, String.class)
                            .invoke(null, "leeway.pwned.reflection", "yes");
                    $case.getClass().getClassLoader().loadClass("java.lang.System")
                            .getMethod("setProperty", String.class, String.class).invoke(null, "leeway.pwned.class", "yes");
                end
                """);

        assertThat(System.getProperty("leeway.pwned.reflection")).isNull();
        assertThat(System.getProperty("leeway.pwned.class")).isNull();
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/reflects.drl:12:5: rule \"Uses reflection\": " + CONSEQUENCE
                        + "\"Class.forName(...)\" calls static method Class.forName",
                "procedures/reflects.drl:14:5: rule \"Uses reflection\": " + CONSEQUENCE
                        + "\"$case.getClass()\" calls method getClass on $case");
    }

    @Test
    void aConditionThatCallsAStaticMethodIsRefusedAndTheCallIsNeverMade() {
        List<RuleProblem> problems = problemsOf("procedures/calls.drl", HEADER + """
                rule "Calls from a condition"
                    @id("calls") @owner("test") @description("d")
                when
                    ServiceCase( id == System.setProperty("leeway.pwned.condition", "yes") )
                then
                    decision.route("TIER2");
                end
                """);

        assertThat(System.getProperty("leeway.pwned.condition")).isNull();
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/calls.drl:10:24: rule \"Calls from a condition\": " + CONDITION
                        + "\"System.setProperty(...)\" calls static method System.setProperty");
    }

    @Test
    void anEvalIsRefusedAndItsCodeNeverRuns() {
        List<RuleProblem> problems = problemsOf("procedures/evals.drl", HEADER + """
                rule "Evaluates code"
                    @id("evals") @owner("test") @description("d")
                when
                    ServiceCase()
                    eval( System.setProperty("leeway.pwned.eval", "yes") == null )
                then
                    decision.route("TIER2");
                end
                """);

        assertThat(System.getProperty("leeway.pwned.eval")).isNull();
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/evals.drl:11:5: rule \"Evaluates code\": " + CONDITION
                        + "\"eval(System.setProperty(\"leeway.pwned.eval\", \"yes\") == null)\" runs code");
    }

    @Test
    void aFunctionIsRefusedAndNeverCalled() {
        List<RuleProblem> problems = problemsOf("procedures/functions.drl", HEADER + """
                function void pwn() {
                    System.setProperty("leeway.pwned.function", "yes");
                }

                rule "Calls a function"
                    @id("functions") @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    pwn();
                end
                """);

        assertThat(System.getProperty("leeway.pwned.function")).isNull();
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/functions.drl:7:1: \"function pwn\" declares code; a rule file only decides",
                "procedures/functions.drl:16:5: rule \"Calls a function\": " + CONSEQUENCE
                        + "\"pwn()\" calls function pwn");
    }

    @Test
    void metadataWrittenAsCodeIsRefusedBeforeTheCompilerWouldEvaluateIt() {
        List<RuleProblem> problems = problemsOf("procedures/metadata.drl", HEADER + """
                rule "Metadata that is code"
                    @id(System.setProperty("leeway.pwned.metadata", "yes")) @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    decision.route("TIER2");
                end
                """);

        assertThat(System.getProperty("leeway.pwned.metadata")).as("set while Drools compiles").isNull();
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/metadata.drl:8:9: rule \"Metadata that is code\": metadata @id must be a literal such as "
                        + "@id(\"...\"); \"System.setProperty(...)\" calls static method System.setProperty");
    }

    @Test
    void codeHiddenBehindAUnicodeEscapeIsRefusedAndNeverRuns() {
        // javac turns the escape for a line break into one, which ends the comment: the call after it is code.
        List<RuleProblem> problems = problemsOf("procedures/escapes.drl", HEADER + """
                rule "Hides code in a comment"
                    @id("escapes") @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    decision.route("TIER2"); // \\u000a System.setProperty("leeway.pwned.escape", "yes");
                end
                """);

        assertThat(System.getProperty("leeway.pwned.escape")).isNull();
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/escapes.drl:12:33: rule \"Hides code in a comment\": " + CONSEQUENCE + "it uses a \\u "
                        + "escape, which Java turns into another character before it reads the code; "
                        + "write the character itself",
                "procedures/escapes.drl:12:40: rule \"Hides code in a comment\": " + CONSEQUENCE
                        + "\"System.setProperty(...)\" calls static method System.setProperty");
    }

    @Test
    void anImportOutsideTheFactModelIsRefused() {
        List<RuleProblem> problems = problemsOf("procedures/imports.drl", """
                package procedures;

                import dev.leeway.facts.ServiceCase;
                import java.time.Duration;
                import java.io.File;

                global dev.leeway.vocabulary.DecisionDraft decision;
                """);

        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/imports.drl:5:1: \"import java.io.File\" is outside the fact model: a rule file imports "
                        + "only from dev.leeway.facts and the value types of java.time and java.math");
    }

    @Test
    void aGlobalOtherThanTheDecisionVocabularyIsRefused() {
        List<RuleProblem> problems = problemsOf("procedures/globals.drl", HEADER + """
                global java.util.List sink;
                """);

        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/globals.drl:7:1: \"global java.util.List sink\": the only global a rule file may "
                        + "declare is dev.leeway.vocabulary.DecisionDraft decision");
    }

    @Test
    void aQueryIsRefused() {
        List<RuleProblem> problems = problemsOf("procedures/queries.drl", HEADER + """
                query "open cases"
                    $case : ServiceCase( status == CaseStatus.OPEN )
                end
                """);

        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/queries.drl:7:1: \"query open cases\" declares a query; a rule file only decides");
    }

    @Test
    void aDeclaredTypeIsRefused() {
        List<RuleProblem> problems = problemsOf("procedures/declares.drl", HEADER + """
                declare Shadow
                    id : String
                end

                declare enum Level
                    LOW, HIGH;
                end
                """);

        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/declares.drl:7:9: \"declare Shadow\" declares a type; rules match the facts of "
                        + "dev.leeway.facts",
                "procedures/declares.drl:11:14: \"declare enum Level\" declares a type; rules match the facts of "
                        + "dev.leeway.facts");
    }

    @Test
    void insertingAFactInAConsequenceIsRefused() {
        List<RuleProblem> problems = problemsOf("procedures/inserts.drl", HEADER + """
                rule "Inserts a fact"
                    @id("inserts") @owner("test") @description("d")
                when
                    $case : ServiceCase()
                then
                    insert($case.customer());
                end
                """);

        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/inserts.drl:12:5: rule \"Inserts a fact\": " + CONSEQUENCE
                        + "\"insert(...)\" changes the engine's facts with insert");
    }

    @Test
    void aSalienceThatIsNotALiteralIsRefused() {
        List<RuleProblem> problems = problemsOf("procedures/salience.drl", HEADER + """
                rule "Computes its salience"
                    @id("salience") @owner("test") @description("d")
                    salience ( $case.transfers() * 10 )
                when
                    $case : ServiceCase()
                then
                    decision.route("TIER2");
                end
                """);

        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/salience.drl:9:14: rule \"Computes its salience\": salience must be a whole number, not "
                        + "\"( $case.transfers() * 10 )\": an expression there is code the engine runs");
    }

    @Test
    void theEnginesOwnHooksOnTheVocabularyAreNotPartOfIt() {
        List<RuleProblem> problems = problemsOf("procedures/hooks.drl", HEADER + """
                rule "Concludes on its own"
                    @id("hooks") @owner("test") @description("d")
                when
                    ServiceCase()
                then
                    decision.ruleFiring(null);
                    decision.route("TIER2").heldBy("AGENT").getClass();
                end
                """);

        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "procedures/hooks.drl:12:5: rule \"Concludes on its own\": " + CONSEQUENCE
                        + "\"decision.ruleFiring(...)\" calls ruleFiring, which is not a step of the decision vocabulary",
                "procedures/hooks.drl:13:5: rule \"Concludes on its own\": " + CONSEQUENCE
                        + "\"decision.route(...).heldBy(...).getClass()\" calls getClass, which is not a step of the "
                        + "decision vocabulary");
    }

    @Test
    void everyViolationOfTheCandidateIsReportedByFileAndLine() {
        RuleFile second = new RuleFile("procedures/b.drl", HEADER + """
                rule "Two things at once"
                    @id("b") @owner("test") @description("d")
                when
                    ServiceCase( id == String.valueOf(1) )
                then
                    insert("x");
                end
                """);
        RuleFile first = new RuleFile("escapes/a.drl", HEADER.replace("procedures", "escapes")
                + "global java.util.Map sink;\n");

        List<RuleProblem> problems = problemsOf(List.of(second, first));

        assertThat(problems).extracting(problem -> problem.file() + ":" + problem.line()).containsExactly(
                "escapes/a.drl:7", "procedures/b.drl:10", "procedures/b.drl:12");
    }

    @Test
    void aConsequenceIsPlacedExactlyWhenItStartsOnTheThenLineOfAFileWithWindowsLineEnds() {
        String rules = HEADER + """
                rule "Starts right after then"
                    @id("then-line") @owner("test") @description("d")
                when
                    $case : ServiceCase()
                then decision.route("TIER2"); insert($case);
                	retract($case);
                end
                """;

        List<RuleProblem> problems = problemsOf("procedures/then-line.drl", rules.replace("\n", "\r\n"));

        assertThat(problems).extracting(problem -> problem.line() + ":" + problem.column())
                .containsExactly("11:31", "12:2");
    }

    @Test
    void conditionsMayReadFieldsNestedFieldsBindingsAndConstantsAndConsequencesPassThemOn() {
        RuleFile reads = new RuleFile("procedures/reads.drl", """
                package procedures;

                import dev.leeway.facts.*;
                import java.math.BigDecimal;

                global dev.leeway.vocabulary.DecisionDraft decision;

                rule "Reads what it needs"
                    @id("reads") @owner("test") @description("d")
                    salience -5
                    enabled true
                    no-loop
                when
                    $case : ServiceCase( customer.vulnerable || sentiment == "DISTRESSED",
                            priority in ( "P1", "P2" ), priorityAtLeast contains "P3", !closed,
                            tags contains "VIP", category matches "BILL.*", amountAtStake > BigDecimal.ZERO,
                            waitingMinutes + transfers * 10 >= 30, $step : currentStep != null,
                            attributes["preferredContactTime"] != null, $waited : waitingMinutes )
                    not DeadlinePassed( kind == "RESOLUTION" )
                    Customer( this == $case.customer, tier == "PREMIUM" )
                then
                    decision.route($step).heldBy("SENIOR_AGENT");
                    decision.flag("WAITED", "Waited " + $waited + " minutes, " + ($waited / 60) + " hours");
                    decision.escape("x").skip("TIER1_SCRIPT").allow("AGENT").upTo(-(-50)).requireJustification();
                end
                """);

        assertThat(new DecideOnlyCheck().problemsIn(List.of(reads))).isEmpty();
        assertThatCode(() -> compiler.compile(List.of(reads), Instant.now())).doesNotThrowAnyException();
    }

    @Test
    void theBundledCharterOnlyDecides() {
        List<RuleFile> charter = RuleFiles.read(BundledRules.DIRECTORY);

        assertThat(new DecideOnlyCheck().problemsIn(charter)).isEmpty();
        assertThatCode(() -> compiler.compile(charter, Instant.now())).doesNotThrowAnyException();
    }

    @Test
    void aRuleFileThatIsNotDrlIsRefused() {
        assertThat(problemsOf("procedures/table.xls", "")).extracting(RuleProblem::toString).containsExactly(
                "procedures/table.xls:1:1: only .drl rule files are accepted, and this check reads only those");
    }

    private List<RuleProblem> problemsOf(String path, String content) {
        return problemsOf(List.of(new RuleFile(path, content)));
    }

    /**
     * The problems compiling the files reports. Should they compile after all, a case is decided on
     * them as serving them would, so that a test sees what a rule that slipped through does.
     */
    private List<RuleProblem> problemsOf(List<RuleFile> files) {
        RuleSet ruleSet;
        try {
            ruleSet = compiler.compile(files, Instant.now());
        } catch (RuleSetInvalidException e) {
            return e.problems();
        }
        try {
            BundledRules.deciderOn(ruleSet, 100).decide(new DecisionRequest(aCase(), null, null, Instant.now(), null));
        } catch (RuntimeException whatever) {
            // what the rule did, not how the decision ended, is what the test looks at
        }
        return List.of();
    }

    private static ServiceCase aCase() {
        return new ServiceCase("C-1", null, "BILLING", null, null, null, null, null, null, null, null, null, false, null,
                null, null, null, null, null, null, false, false);
    }

    private static String slashed(Path path) {
        return path.toAbsolutePath().toString().replace('\\', '/');
    }
}
