package dev.leeway.calendar;

import dev.leeway.yaml.FileProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calendar files in, calendars or problems at file:line:column out. */
class CalendarFilesTest {

    private static final String PATH = "calendars/support-nl.yaml";

    private static List<String> problemsIn(String content) {
        return CalendarFiles.parse(Map.of(PATH, content)).problems().stream()
                .map(problem -> problem.file() + ":" + problem.line() + ":" + problem.column() + ": " + problem.message())
                .toList();
    }

    @Test
    void goodFileMakesACalendarNamedAfterTheFile() {
        CalendarFiles.Parsed parsed = CalendarFiles.parse(Map.of(PATH, """
                timeZone: Europe/Amsterdam
                hours:                      # per weekday; a day left out or [] is closed
                  mon: ["08:30-12:00", "13:00-17:30"]
                  tue-fri: ["08:30-17:30"]
                  sat: []
                holidays: [2026-12-24, 2026-12-31]
                yearly: ["12-25", "12-26"]
                publicHolidays: NL
                """));

        assertThat(parsed.problems()).isEmpty();
        WeeklyCalendar calendar = (WeeklyCalendar) parsed.calendars().named("support-nl").orElseThrow();
        assertThat(calendar.timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(calendar.hours().get(DayOfWeek.MONDAY)).extracting(OpenInterval::closes)
                .containsExactly(LocalTime.of(12, 0), LocalTime.of(17, 30));
        assertThat(calendar.hours().get(DayOfWeek.FRIDAY)).hasSize(1);
        assertThat(calendar.hours().get(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(calendar.hours().get(DayOfWeek.SUNDAY)).isEmpty();
        // Thursday 24 Dec 2026 is a holiday, Friday 25th yearly, Thursday 31st a holiday, 1 Jan a public
        // holiday: Wednesday 23 Dec 17:00 + 1 h → half an hour, then Monday 28 Dec 09:00.
        Instant due = calendar.plus(Instant.parse("2026-12-23T16:00:00Z"), Duration.ofHours(1));
        assertThat(due).isEqualTo(Instant.parse("2026-12-28T08:00:00Z"));
    }

    @Test
    void alwaysIsOpenRoundTheClock() {
        CalendarFiles.Parsed parsed = CalendarFiles.parse(Map.of("calendars/always.yaml", """
                timeZone: UTC
                hours: always
                """));

        assertThat(parsed.problems()).isEmpty();
        BusinessCalendar always = parsed.calendars().named("always").orElseThrow();
        // Saturday 6 June 2026 22:00Z + 5 h is simply Sunday 03:00Z.
        assertThat(always.plus(Instant.parse("2026-06-06T22:00:00Z"), Duration.ofHours(5)))
                .isEqualTo(Instant.parse("2026-06-07T03:00:00Z"));
    }

    @Test
    void unknownKeyIsReportedAtTheKey() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours: always
                holiday: [2026-12-25]
                """)).containsExactly(PATH + ":3:1: unknown key \"holiday\"; a calendar has timeZone, hours, holidays, "
                + "yearly, publicHolidays");
    }

    @Test
    void badTimeZoneIsReportedAtItsValue() {
        assertThat(problemsIn("""
                timeZone: Europe/Amstrdam
                hours: always
                """)).containsExactly(PATH + ":1:11: unknown time zone \"Europe/Amstrdam\"; use a region such as "
                + "Europe/Amsterdam, or UTC");
    }

    @Test
    void intervalThatCrossesMidnightIsReportedAtTheInterval() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours:
                  mon: ["17:30-08:30"]
                """)).containsExactly(PATH + ":3:9: bad interval: interval 17:30-08:30 closes before it opens; "
                + "an interval cannot cross midnight: split it into two days");
    }

    @Test
    void overlappingIntervalsAreReportedAtTheSecond() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours:
                  mon:
                    - "08:30-12:30"
                    - "12:00-17:30"
                """)).containsExactly(PATH + ":5:7: interval 12:00-17:30 overlaps 08:30-12:30 on the same day");
    }

    @Test
    void unparsableIntervalIsReportedAtTheInterval() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours:
                  mon: ["08:30-17:30"]
                  tue: [half past eight to five]
                """)).containsExactly(PATH + ":4:9: bad interval: interval \"half past eight to five\" is not HH:mm-HH:mm");
    }

    @Test
    void badDatesAreReportedAtEachDate() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours: always
                holidays: [2026-12-25, 2026-13-01]
                yearly: ["12-25", "02-30"]
                """)).containsExactly(
                PATH + ":3:24: bad date \"2026-13-01\" in holidays; write YYYY-MM-DD, e.g. 2026-12-25",
                PATH + ":4:19: bad day \"02-30\" in yearly; write MM-DD, e.g. 12-25");
    }

    @Test
    void unknownWeekdayIsReportedAtTheDay() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours:
                  mon: ["08:30-17:30"]
                  thur: ["08:30-17:30"]
                """)).containsExactly(PATH + ":4:3: unknown weekday \"thur\"; use mon, tue, wed, thu, fri, sat, sun "
                + "or a range such as mon-fri");
    }

    @Test
    void dayGivenTwiceIsReported() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours:
                  mon-fri: ["08:30-17:30"]
                  fri: ["08:30-12:00"]
                """)).containsExactly(PATH + ":4:3: hours for fri are given twice");
    }

    @Test
    void unknownCountryIsReportedAtTheCountry() {
        assertThat(problemsIn("""
                timeZone: Europe/Amsterdam
                hours: always
                publicHolidays: [NL, XX]
                """)).containsExactly(PATH + ":3:22: unknown country \"XX\" for public holidays; use an ISO 3166 code "
                + "such as NL, DE or GB");
    }

    @Test
    void calendarThatNeverOpensIsRefused() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours:
                  mon: []
                """)).containsExactly(PATH + ":2:1: calendar has no opening hours: a deadline on it would never fall due");
    }

    @Test
    void missingTimeZoneAndHoursAreReported() {
        assertThat(problemsIn("""
                holidays: [2026-12-25]
                """)).containsExactly(
                PATH + ":1:1: calendar has no timeZone (e.g. timeZone: Europe/Amsterdam)",
                PATH + ":1:1: calendar has no hours (e.g. hours: {mon-fri: [\"08:30-17:30\"]}, or hours: always)");
    }

    @Test
    void yamlSyntaxErrorIsReportedWhereTheParserStops() {
        assertThat(problemsIn("""
                timeZone: UTC
                hours: [08:30-17:30
                """)).containsExactly(PATH + ":2:20: not readable as YAML: while parsing a flow sequence: "
                + "expected ',' or ']', but got <stream end>");
    }

    @Test
    void everyProblemOfAFileIsReportedInLineOrder() {
        assertThat(problemsIn("""
                timeZone: Mars/Olympus
                hours:
                  sun: ["10:00-09:00"]
                colour: blue
                """)).extracting(problem -> problem.substring(0, problem.indexOf(": ")))
                .containsExactly(PATH + ":1:11", PATH + ":3:9", PATH + ":4:1");
    }

    @Test
    void ymlExtensionIsRefused() {
        assertThat(CalendarFiles.parse(Map.of("calendars/always.yml", "timeZone: UTC\nhours: always\n")).problems())
                .extracting(FileProblem::message).containsExactly("calendar files are named <name>.yaml");
    }
}
