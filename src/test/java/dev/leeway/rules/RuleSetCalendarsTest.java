package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leeway.BundledRules;
import dev.leeway.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calendar files travel with the rules: compiled into the set, part of its version, checked where rules use them. */
class RuleSetCalendarsTest {

    private static final String RULES = """
            package procedures;

            import dev.leeway.facts.*;

            global dev.leeway.vocabulary.DecisionDraft decision;

            rule "First response in office hours"
                @id("office-response") @owner("test") @description("d")
            when
                ServiceCase( priority == Priority.P2 )
            then
                decision.deadline("FIRST_RESPONSE").on("suport-nl").hoursAfterOpening(4);
            end
            """;

    private static final RuleFile ALWAYS = new RuleFile("calendars/always.yaml", "timeZone: UTC\nhours: always\n");
    private static final RuleFile SUPPORT = new RuleFile("calendars/support-nl.yaml", """
            timeZone: Europe/Amsterdam
            hours:
              mon-fri: ["08:30-17:30"]
            publicHolidays: NL
            """);
    private static final RuleFile PLAIN_RULES = new RuleFile("procedures/plain.drl", """
            package procedures;

            import dev.leeway.facts.*;

            global dev.leeway.vocabulary.DecisionDraft decision;

            rule "Route P1"
                @id("route-p1") @owner("test") @description("d")
            when
                ServiceCase( priority == Priority.P1 )
            then
                decision.route("TIER2");
            end
            """);

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    void bundledRuleSetServesTheDutchSupportCalendarAndARoundTheClockOne() {
        RuleSet bundled = BundledRules.ruleSet();

        assertThat(bundled.files()).extracting(RuleFile::path)
                .contains("calendars/always.yaml", "calendars/support-nl.yaml");
        BusinessCalendar support = bundled.calendars().named("support-nl").orElseThrow();
        // King's Day, Monday 27 April 2026: Friday 24th 17:00 (+02:00) + 1 h → Tuesday 28th 09:00 = 07:00Z.
        assertThat(support.plus(Instant.parse("2026-04-24T15:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-04-28T07:00:00Z"));
        BusinessCalendar always = bundled.calendars().named("always").orElseThrow();
        assertThat(always.plus(Instant.parse("2026-04-25T15:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-04-25T16:00:00Z"));
    }

    @Test
    void editingACalendarMakesANewRuleSetVersion() {
        RuleSet before = compiler.compile(List.of(PLAIN_RULES, SUPPORT), Instant.now());
        RuleFile longerHours = new RuleFile(SUPPORT.path(), SUPPORT.content().replace("17:30", "18:00"));

        RuleSet after = compiler.compile(List.of(PLAIN_RULES, longerHours), Instant.now());

        assertThat(after.version()).isNotEqualTo(before.version());
        // Monday 1 June 2026 17:30 (+02:00) = 15:30Z: closed before, open half an hour after.
        Instant monday1730 = Instant.parse("2026-06-01T15:30:00Z");
        assertThat(before.calendars().named("support-nl").orElseThrow().openTimeBetween(monday1730, monday1730.plus(Duration.ofHours(1))))
                .isZero();
        assertThat(after.calendars().named("support-nl").orElseThrow().openTimeBetween(monday1730, monday1730.plus(Duration.ofHours(1))))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void brokenCalendarIsReportedWithTheRuleProblemsInFileOrder() {
        RuleFile broken = new RuleFile("calendars/support-nl.yaml", """
                timeZone: Europe/Amsterdam
                hours:
                  mon-fri: ["08:30-17:30"]
                  sunday: ["10:00-12:00"]
                """);

        assertThatThrownBy(() -> compiler.compile(List.of(PLAIN_RULES, broken), Instant.now()))
                .isInstanceOfSatisfying(RuleSetInvalidException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::toString)
                        .containsExactly("calendars/support-nl.yaml:4:3: unknown weekday \"sunday\"; use mon, tue, wed, "
                                + "thu, fri, sat, sun or a range such as mon-fri"));
    }

    @Test
    void ruleThatCountsOnAnUndefinedCalendarIsReportedAtTheCall() {
        RuleFile rules = new RuleFile("procedures/office.drl", RULES);

        assertThatThrownBy(() -> compiler.compile(List.of(rules, ALWAYS, SUPPORT), Instant.now()))
                .isInstanceOfSatisfying(RuleSetInvalidException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::toString)
                        // line 12: four spaces and the 36 characters of decision.deadline("FIRST_RESPONSE"). put "on" at column 41
                        .contains("procedures/office.drl:12:41: rule \"First response in office hours\" counts on "
                                + "calendar \"suport-nl\", which calendars/ does not define (it defines always, support-nl)"));
    }

    @Test
    void ruleThatCountsOnADefinedCalendarIsNotReported() {
        RuleFile rules = new RuleFile("procedures/office.drl", RULES.replace("suport-nl", "support-nl"));

        RuleSet ruleSet = compiler.compile(List.of(rules, SUPPORT), Instant.now());

        assertThat(ruleSet.rules()).extracting(RuleInfo::id).containsExactly("office-response");
        assertThat(ruleSet.calendars().named("support-nl")).isPresent();
    }

    @Test
    void calendarsAreRuleSetFilesAndOnlyTestsHoldScenarios() {
        RuleSetCandidate candidate = new RuleSetCandidate(List.of(PLAIN_RULES), List.of())
                .with(List.of(SUPPORT, new RuleFile("tests/office.yaml", "scenarios: []\n")), List.of());

        assertThat(candidate.rules()).extracting(RuleFile::path)
                .containsExactly("calendars/support-nl.yaml", "procedures/plain.drl");
        assertThat(candidate.scenarios()).extracting(source -> source.path()).containsExactly("tests/office.yaml");
        assertThat(candidate.version()).isNotEqualTo(new RuleSetCandidate(List.of(PLAIN_RULES), List.of()).version());
    }

    @Test
    void ruleSetOfCalendarsAloneHasNoRules() {
        assertThatThrownBy(() -> compiler.compile(List.of(ALWAYS), Instant.now()))
                .isInstanceOfSatisfying(RuleSetInvalidException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::message).containsExactly("no .drl rule files found"));
    }
}
