package dev.leeway.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leeway.BundledRules;
import dev.leeway.decision.Deadline;
import dev.leeway.decision.DeadlineClock;
import dev.leeway.decision.DeadlineWarning;
import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.decision.EscalationLevel;
import dev.leeway.facts.ServiceCase;
import dev.leeway.facts.StatusChange;
import dev.leeway.rules.RuleFile;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetCompiler;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deadlines as rule files write them and decisions carry them: business time on a calendar,
 * clocks that pause, warnings and escalation levels. Local times are Amsterdam's (UTC+1 in
 * winter, UTC+2 in summer; in 2026 summer time ends on 25 October). The support calendar is open
 * Monday to Friday 08:30–17:30, closed on Dutch public holidays.
 */
class DeadlineClockTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final List<RuleFile> CALENDARS = List.of(
            new RuleFile("calendars/support-nl.yaml", """
                    timeZone: Europe/Amsterdam
                    hours:
                      mon-fri: ["08:30-17:30"]
                    publicHolidays: NL
                    """),
            new RuleFile("calendars/always.yaml", """
                    timeZone: Europe/Amsterdam
                    hours: always
                    """));

    private static final String RESOLUTION_IN_16_BUSINESS_HOURS_PAUSED_WHILE_WAITING = """
            decision.deadline("RESOLUTION").businessHoursAfterOpening(16).on("support-nl")
                    .pausedWhile("WAITING_FOR_CUSTOMER");
            """;

    @Test
    void pauseWhileWaitingForCustomerMovesTheDueTime() {
        // Opened Monday 09:00; waited for the customer from Monday 11:00 to Tuesday 10:00, which
        // holds 8 business hours (11:00–17:30 and 08:30–10:00).
        ServiceCase waitedOnce = caseOpened("2026-11-23T09:00", "OPEN",
                change("OPEN", "2026-11-23T09:00"),
                change("WAITING_FOR_CUSTOMER", "2026-11-23T11:00"),
                change("OPEN", "2026-11-24T10:00"));
        ServiceCase neverWaited = caseOpened("2026-11-23T09:00", "OPEN");

        Deadline paused = deadline(decide(RESOLUTION_IN_16_BUSINESS_HOURS_PAUSED_WHILE_WAITING, waitedOnce,
                "2026-11-24T12:00"), "RESOLUTION");
        Deadline unpaused = deadline(decide(RESOLUTION_IN_16_BUSINESS_HOURS_PAUSED_WHILE_WAITING, neverWaited,
                "2026-11-24T12:00"), "RESOLUTION");

        // Without waiting: 8.5 h on Monday, 7.5 h on Tuesday → Tuesday 16:00.
        assertThat(unpaused.due()).isEqualTo(amsterdam("2026-11-24T16:00"));
        // 8 paused business hours later: 1.5 h more on Tuesday, 6.5 h on Wednesday → Wednesday 15:00.
        assertThat(paused.due()).isEqualTo(amsterdam("2026-11-25T15:00"));
        assertThat(paused.clock()).isEqualTo(DeadlineClock.RUNNING);
        // Ran Monday 09:00–11:00 and Tuesday 10:00–12:00.
        assertThat(paused.elapsedMinutes()).isEqualTo(240);
        assertThat(paused.remainingMinutes()).isEqualTo(720);
        assertThat(paused.calendar()).isEqualTo("support-nl");
        assertThat(paused.passed()).isFalse();
    }

    @Test
    void pausedClockSaysWhereTheDueTimeWouldFallIfItRanAgainNow() {
        ServiceCase waiting = caseOpened("2026-11-23T09:00", "WAITING_FOR_CUSTOMER",
                change("OPEN", "2026-11-23T09:00"),
                change("WAITING_FOR_CUSTOMER", "2026-11-24T10:00"));

        Deadline resolution = deadline(decide(RESOLUTION_IN_16_BUSINESS_HOURS_PAUSED_WHILE_WAITING, waiting,
                "2026-11-24T12:00"), "RESOLUTION");

        assertThat(resolution.clock()).isEqualTo(DeadlineClock.PAUSED);
        // Ran Monday 09:00–17:30 and Tuesday 08:30–10:00: 10 h; 6 h are left.
        assertThat(resolution.elapsedMinutes()).isEqualTo(600);
        assertThat(resolution.remainingMinutes()).isEqualTo(360);
        // Running again from Tuesday 12:00: 5.5 h on Tuesday, 0.5 h on Wednesday.
        assertThat(resolution.due()).isEqualTo(amsterdam("2026-11-25T09:00"));
    }

    @Test
    void caseWaitingWithoutHistoryCountsUntilNowAndPausesFromNow() {
        ServiceCase waiting = caseOpened("2026-11-23T09:00", "WAITING_FOR_CUSTOMER");

        Deadline resolution = deadline(decide(RESOLUTION_IN_16_BUSINESS_HOURS_PAUSED_WHILE_WAITING, waiting,
                "2026-11-24T12:00"), "RESOLUTION");

        assertThat(resolution.clock()).isEqualTo(DeadlineClock.PAUSED);
        // Monday 09:00–17:30 and Tuesday 08:30–12:00: 12 h.
        assertThat(resolution.elapsedMinutes()).isEqualTo(720);
        assertThat(resolution.due()).isEqualTo(amsterdam("2026-11-24T16:00"));
    }

    @Test
    void clockThatRanOutBeforeThePauseStaysPassedAtTheInstantItRanOut() {
        ServiceCase waitingTooLate = caseOpened("2026-11-23T09:00", "WAITING_FOR_CUSTOMER",
                change("OPEN", "2026-11-23T09:00"),
                change("WAITING_FOR_CUSTOMER", "2026-11-25T09:00"));

        Deadline resolution = deadline(decide(RESOLUTION_IN_16_BUSINESS_HOURS_PAUSED_WHILE_WAITING, waitingTooLate,
                "2026-11-26T09:00"), "RESOLUTION");

        assertThat(resolution.passed()).isTrue();
        assertThat(resolution.due()).isEqualTo(amsterdam("2026-11-24T16:00"));
        // Ran Monday 8.5 h, Tuesday 9 h, Wednesday 0.5 h: 18 h, two beyond the span.
        assertThat(resolution.elapsedMinutes()).isEqualTo(1080);
        assertThat(resolution.remainingMinutes()).isEqualTo(-120);
    }

    @Test
    void startOnSaturdayCountsFromMondayOpening() {
        ServiceCase openedOnSaturday = caseOpened("2026-11-28T14:00", "NEW");

        Deadline firstResponse = deadline(decide("""
                decision.deadline("FIRST_RESPONSE").businessMinutesAfterOpening(90).on("support-nl");
                """, openedOnSaturday, "2026-11-28T15:00"), "FIRST_RESPONSE");

        assertThat(firstResponse.due()).isEqualTo(amsterdam("2026-11-30T10:00"));
        assertThat(firstResponse.elapsedMinutes()).isZero();
        assertThat(firstResponse.remainingMinutes()).isEqualTo(90);
    }

    @Test
    void publicHolidayCountsNoTime() {
        // Christmas Day and Boxing Day are Friday and Saturday in 2026.
        ServiceCase openedOnChristmasEve = caseOpened("2026-12-24T16:00", "NEW");

        Deadline resolution = deadline(decide("""
                decision.deadline("RESOLUTION").businessHoursAfterOpening(4).on("support-nl");
                """, openedOnChristmasEve, "2026-12-24T17:00"), "RESOLUTION");

        // 1.5 h on Thursday, then Monday 28 December 08:30 + 2.5 h.
        assertThat(resolution.due()).isEqualTo(amsterdam("2026-12-28T11:00"));
    }

    @Test
    void businessHoursCountAcrossTheWeekendWhenSummerTimeEnds() {
        ServiceCase openedFridayAfternoon = caseOpened("2026-10-23T16:30", "OPEN");
        String rule = """
                decision.deadline("RESOLUTION").businessHoursAfterOpening(4).on("support-nl");
                """;

        Deadline resolution = deadline(decide(rule, openedFridayAfternoon, "2026-10-26T09:30"), "RESOLUTION");

        // 1 h on Friday (UTC+2), then Monday 08:30 (UTC+1) + 3 h.
        assertThat(resolution.due()).isEqualTo(amsterdam("2026-10-26T11:30"));
        assertThat(resolution.due()).isEqualTo(Instant.parse("2026-10-26T10:30:00Z"));
        assertThat(resolution.elapsedMinutes()).isEqualTo(120);
    }

    @Test
    void p1OnTheAlwaysCalendarCountsEveryHourEvenTheExtraOneWhenSummerTimeEnds() {
        // Saturday 22:00 summer time; the night to Sunday has 25 hours' worth of clock faces.
        ServiceCase openedSaturdayNight = caseOpened("2026-10-24T22:00", "OPEN");

        Deadline resolution = deadline(decide("""
                decision.deadline("RESOLUTION").businessHoursAfterOpening(8).on("always");
                """, openedSaturdayNight, "2026-10-25T01:00"), "RESOLUTION");

        assertThat(resolution.due()).isEqualTo(Instant.parse("2026-10-25T04:00:00Z"));
        assertThat(resolution.due()).isEqualTo(amsterdam("2026-10-25T05:00"));
        assertThat(resolution.elapsedMinutes()).isEqualTo(180);
    }

    @Test
    void warningAt75PercentIsReachedBeforeTheDeadline() {
        String rules = """
                decision.deadline("RESOLUTION").businessHoursAfterOpening(8).on("support-nl").warnAt(75);
                end

                rule "Warn"
                    @id("warn") @owner("test") @description("Flags the case once its resolution deadline warns.")
                when
                    DeadlineWarned( kind == "RESOLUTION", percent == 75 )
                then
                    decision.flag("RESOLUTION_AT_RISK", "three quarters of the time is gone");
                """;
        ServiceCase openedMondayMorning = caseOpened("2026-11-23T08:30", "OPEN");

        Decision before = decide(rules, openedMondayMorning, "2026-11-23T14:00");
        Decision after = decide(rules, openedMondayMorning, "2026-11-23T15:00");

        DeadlineWarning warning = deadline(after, "RESOLUTION").warnings().get(0);
        assertThat(warning.percent()).isEqualTo(75);
        assertThat(warning.at()).isEqualTo(amsterdam("2026-11-23T14:30"));
        assertThat(warning.reached()).isTrue();
        assertThat(deadline(after, "RESOLUTION").passed()).isFalse();
        assertThat(after.flags()).extracting(flag -> flag.flag()).containsExactly("RESOLUTION_AT_RISK");

        assertThat(deadline(before, "RESOLUTION").warnings().get(0).reached()).isFalse();
        assertThat(deadline(before, "RESOLUTION").warnings().get(0).at()).isEqualTo(amsterdam("2026-11-23T14:30"));
        assertThat(before.flags()).isEmpty();
    }

    @Test
    void secondLevelGoesToManagerAt150Percent() {
        String rules = """
                decision.deadline("FIRST_RESPONSE").businessHoursAfterOpening(4).on("support-nl")
                        .escalateTo("TEAM_LEAD").escalateAt(150, "MANAGER");
                end

                rule "Team lead"
                    @id("team-lead") @owner("test") @description("The team lead takes the case at the first level.")
                    salience 60
                when
                    EscalationLevelReached( kind == "FIRST_RESPONSE", percent == 100, $role : escalateTo )
                then
                    decision.escalate($role).heldBy($role);
                end

                rule "Manager"
                    @id("manager") @owner("test") @description("A manager takes the case at the second level.")
                    salience 70
                when
                    EscalationLevelReached( kind == "FIRST_RESPONSE", percent == 150, $role : escalateTo )
                then
                    decision.escalate($role).heldBy($role);
                """;
        ServiceCase openedMondayMorning = caseOpened("2026-11-23T08:30", "NEW");

        Decision atFirstLevel = decide(rules, openedMondayMorning, "2026-11-23T13:00");
        Decision atSecondLevel = decide(rules, openedMondayMorning, "2026-11-23T15:00");

        assertThat(atFirstLevel.route().role()).isEqualTo("TEAM_LEAD");
        assertThat(atSecondLevel.route().role()).isEqualTo("MANAGER");
        Deadline firstResponse = deadline(atSecondLevel, "FIRST_RESPONSE");
        assertThat(firstResponse.escalateTo()).isEqualTo("TEAM_LEAD");
        assertThat(firstResponse.levels()).containsExactly(
                new EscalationLevel(100, "TEAM_LEAD", amsterdam("2026-11-23T12:30"), true),
                new EscalationLevel(150, "MANAGER", amsterdam("2026-11-23T14:30"), true));
        assertThat(deadline(atFirstLevel, "FIRST_RESPONSE").levels())
                .extracting(EscalationLevel::reached).containsExactly(true, false);
    }

    @Test
    void pausingAfterTheSpanIsSetWithdrawsThePassedDeadline() {
        String rules = """
                decision.deadline("RESOLUTION").hoursAfterOpening(1).pausedWhile("WAITING_FOR_CUSTOMER");
                end

                rule "Escalate"
                    @id("escalate") @owner("test") @description("A manager takes a case whose resolution is late.")
                when
                    DeadlinePassed( kind == "RESOLUTION" )
                then
                    decision.escalate("MANAGER");
                """;
        // Opened 3 h ago, waited 2.5 h of it: the clock counted 30 minutes.
        ServiceCase waited = caseOpened("2026-11-23T09:00", "OPEN",
                change("WAITING_FOR_CUSTOMER", "2026-11-23T09:15"),
                change("OPEN", "2026-11-23T11:45"));

        Decision decision = decide(rules, waited, "2026-11-23T12:00");

        assertThat(deadline(decision, "RESOLUTION").passed()).isFalse();
        assertThat(deadline(decision, "RESOLUTION").elapsedMinutes()).isEqualTo(30);
        assertThat(decision.route()).isNull();
    }

    @Test
    void minutesAddUpExactlyOverStretchesThatSplitMinutes() {
        // Ran 09:00:00–09:29:30 and 09:40:00–10:10:30: 29.5 + 30.5 minutes.
        ServiceCase waitedBriefly = new ServiceCase("C-1", null, null, null, "OPEN",
                List.of(new StatusChange("WAITING_FOR_CUSTOMER", Instant.parse("2026-11-23T09:29:30Z")),
                        new StatusChange("OPEN", Instant.parse("2026-11-23T09:40:00Z"))),
                Instant.parse("2026-11-23T09:00:00Z"), null, null, null, null, null, false, null, null, null, null,
                null, null, null, false, false);

        Deadline resolution = deadline(decide("""
                decision.deadline("RESOLUTION").minutesAfterOpening(120).pausedWhile("WAITING_FOR_CUSTOMER");
                """, waitedBriefly, Instant.parse("2026-11-23T10:10:30Z")), "RESOLUTION");

        assertThat(resolution.elapsedMinutes()).isEqualTo(60);
        assertThat(resolution.remainingMinutes()).isEqualTo(60);
        assertThat(resolution.due()).isEqualTo(Instant.parse("2026-11-23T11:10:30Z"));
    }

    @Test
    void calendarNamedByACaseValueThatDoesNotExistFailsTheDecisionNamingTheRuleAndTheCalendar() {
        // Only a calendar written as a literal is checked when the rules load.
        ServiceCase belgian = new ServiceCase("C-1", null, "support-be", null, "OPEN", null,
                amsterdam("2026-11-23T09:00"), null, null, null, null, null, false, null, null, null, null, null, null, null, false, false);

        assertThatThrownBy(() -> decide("""
                decision.deadline("RESOLUTION").businessHoursAfterOpening(8).on($calendar);
                """, "ServiceCase( $calendar : category )", belgian, amsterdam("2026-11-23T10:00")))
                .isInstanceOf(RuleConclusionException.class)
                .hasMessageContaining("Sets the deadline")
                .hasMessageContaining("\"support-be\"")
                .hasMessageContaining("[always, support-nl]");
    }

    @Test
    void businessTimeWithoutACalendarFailsTheDecisionSayingWhatIsMissing() {
        assertThatThrownBy(() -> decide("""
                decision.deadline("RESOLUTION").businessHoursAfterOpening(8);
                """, caseOpened("2026-11-23T09:00", "OPEN"), "2026-11-23T10:00"))
                .isInstanceOf(RuleConclusionException.class)
                .hasMessageContaining("names no calendar");
    }

    @Test
    void anObligationCountedFromAPassedDeadlineFallsDueAtTheSameInstantWheneverTheCaseIsDecided() {
        String contactAfterResolution = """
                decision.deadline("RESOLUTION").hoursAfterOpening(2);
                decision.oblige("CONTACT_CUSTOMER").owner("MANAGER").withinHoursAfterDeadline(1, "RESOLUTION");
                """;
        ServiceCase opened = caseOpened("2026-11-23T09:00", "OPEN");

        // Due at 11:00, so the contact is due at 12:00: still so at 15:00, long overdue.
        for (String decidedAt : List.of("2026-11-23T11:30", "2026-11-23T15:00")) {
            assertThat(decide(contactAfterResolution, opened, decidedAt).obligations())
                    .as("decided at " + decidedAt).singleElement()
                    .satisfies(obligation -> {
                        assertThat(obligation.due()).isEqualTo(amsterdam("2026-11-23T12:00"));
                        assertThat(obligation.owner()).isEqualTo("MANAGER");
                    });
        }
    }

    @Test
    void anObligationCountedFromADeadlineNotPassedOrNotSetFailsTheDecisionNamingTheRule() {
        ServiceCase opened = caseOpened("2026-11-23T09:00", "OPEN");

        assertThatThrownBy(() -> decide("""
                decision.deadline("RESOLUTION").hoursAfterOpening(2);
                decision.oblige("CONTACT_CUSTOMER").withinHoursAfterDeadline(1, "RESOLUTION");
                """, opened, "2026-11-23T10:00"))
                .isInstanceOf(RuleConclusionException.class)
                .hasMessageContaining("Sets the deadline")
                .hasMessageContaining("RESOLUTION deadline, which has not passed");
        assertThatThrownBy(() -> decide("""
                decision.oblige("CONTACT_CUSTOMER").withinHoursAfterDeadline(1, "FIRST_RESPONSE");
                """, opened, "2026-11-23T10:00"))
                .isInstanceOf(RuleConclusionException.class)
                .hasMessageContaining("Sets the deadline")
                .hasMessageContaining("FIRST_RESPONSE deadline, which no rule set");
    }

    private static Decision decide(String consequence, ServiceCase serviceCase, String amsterdamTime) {
        return decide(consequence, serviceCase, amsterdam(amsterdamTime));
    }

    private static Decision decide(String consequence, ServiceCase serviceCase, Instant at) {
        return decide(consequence, "ServiceCase()", serviceCase, at);
    }

    /** One rule that sets the deadline; the consequence may close it and add rules of its own. */
    private static Decision decide(String consequence, String condition, ServiceCase serviceCase, Instant at) {
        String drl = """
                package procedures;

                import dev.leeway.facts.*;

                global dev.leeway.vocabulary.DecisionDraft decision;

                rule "Sets the deadline"
                    @id("sets-the-deadline") @owner("test") @description("Sets the deadline under test.")
                when
                """ + "    " + condition + "\nthen\n" + consequence + "\nend\n";
        List<RuleFile> files = new ArrayList<>(CALENDARS);
        files.add(new RuleFile("procedures/deadline.drl", drl));
        RuleSet ruleSet = new RuleSetCompiler().compile(files, Instant.now());
        return BundledRules.deciderOn(ruleSet, 100).decide(new DecisionRequest(serviceCase, null, null, at, null));
    }

    private static Deadline deadline(Decision decision, String kind) {
        return decision.deadlines().stream().filter(deadline -> deadline.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " deadline in " + decision.deadlines()));
    }

    private static ServiceCase caseOpened(String amsterdamTime, String status, StatusChange... history) {
        return new ServiceCase("C-1", null, null, null, status, List.of(history), amsterdam(amsterdamTime), null,
                null, null, null, null, false, null, null, null, null, null, null, null, false, false);
    }

    private static StatusChange change(String status, String amsterdamTime) {
        return new StatusChange(status, amsterdam(amsterdamTime));
    }

    private static Instant amsterdam(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
    }
}
