package dev.leeway.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business-time arithmetic. Expected instants are worked out by hand in the comments; local times
 * are Amsterdam's, which is UTC+1 in winter and UTC+2 in summer (2026: from 29 March 02:00 to
 * 25 October 03:00).
 */
class BusinessCalendarArithmeticTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final List<DayOfWeek> WEEKDAYS = List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private static final List<DayOfWeek> EVERY_DAY = List.of(DayOfWeek.values());

    /** Monday to Friday 08:30–17:30: nine open hours a day. */
    private final BusinessCalendar office = WeeklyCalendar.openOn("office", AMSTERDAM, WEEKDAYS,
            List.of(OpenInterval.parse("08:30-17:30")), Holidays.NONE);

    private static Instant amsterdam(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
    }

    private static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void timeRunsOnAfterTheLunchBreak() {
        BusinessCalendar withLunch = WeeklyCalendar.openOn("lunch", AMSTERDAM, WEEKDAYS,
                List.of(OpenInterval.parse("08:30-12:00"), OpenInterval.parse("13:00-17:30")), Holidays.NONE);

        // Monday 11:00 + 2 h: one hour until 12:00, lunch, one hour from 13:00 → 14:00.
        assertThat(withLunch.plus(amsterdam("2026-06-01T11:00"), Duration.ofHours(2)))
                .isEqualTo(amsterdam("2026-06-01T14:00"));
        // Monday 11:00 to 14:00 holds only the two open hours.
        assertThat(withLunch.openTimeBetween(amsterdam("2026-06-01T11:00"), amsterdam("2026-06-01T14:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void timeLeftAtClosingCarriesOverToTheNextMorning() {
        // Monday 16:30 + 2 h: one hour to 17:30, one from Tuesday 08:30 → Tuesday 09:30.
        assertThat(office.plus(amsterdam("2026-06-01T16:30"), Duration.ofHours(2)))
                .isEqualTo(amsterdam("2026-06-02T09:30"));
    }

    @Test
    void weekendDoesNotCount() {
        // Friday 16:30 + 2 h → Monday 09:30.
        assertThat(office.plus(amsterdam("2026-06-05T16:30"), Duration.ofHours(2)))
                .isEqualTo(amsterdam("2026-06-08T09:30"));
        assertThat(office.openTimeBetween(amsterdam("2026-06-05T16:30"), amsterdam("2026-06-08T09:30")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void holidayIsSkipped() {
        BusinessCalendar closedTuesday = WeeklyCalendar.openOn("holiday", AMSTERDAM, WEEKDAYS,
                List.of(OpenInterval.parse("08:30-17:30")), Holidays.on(LocalDate.parse("2026-06-02")));

        // Monday 16:30 + 2 h: one hour Monday, Tuesday closed, one hour Wednesday → Wednesday 09:30.
        assertThat(closedTuesday.plus(amsterdam("2026-06-01T16:30"), Duration.ofHours(2)))
                .isEqualTo(amsterdam("2026-06-03T09:30"));
    }

    @Test
    void yearlyHolidayClosesTheSameDayEveryYear() {
        BusinessCalendar christmas = WeeklyCalendar.openOn("yearly", AMSTERDAM, WEEKDAYS,
                List.of(OpenInterval.parse("08:30-17:30")),
                new Holidays(Set.of(), Set.of(java.time.MonthDay.of(12, 25)), List.of()));

        // Thursday 24 Dec 2026 17:00 + 1 h: half an hour, Friday 25th closed, weekend → Monday 28th 09:00.
        assertThat(christmas.plus(amsterdam("2026-12-24T17:00"), Duration.ofHours(1)))
                .isEqualTo(amsterdam("2026-12-28T09:00"));
        // Wednesday 24 Dec 2025 17:00 + 1 h: Thursday 25th closed → Friday 26th 09:00.
        assertThat(christmas.plus(amsterdam("2025-12-24T17:00"), Duration.ofHours(1)))
                .isEqualTo(amsterdam("2025-12-26T09:00"));
    }

    @Test
    void dutchPublicHolidaysCloseTheCalendar() {
        BusinessCalendar dutch = WeeklyCalendar.openOn("nl", AMSTERDAM, WEEKDAYS,
                List.of(OpenInterval.parse("08:30-17:30")),
                new Holidays(Set.of(), Set.of(), List.of(PublicHolidays.of("NL"))));

        // King's Day is Monday 27 April 2026: Friday 24th 17:00 + 1 h → Tuesday 28th 09:00.
        assertThat(dutch.plus(amsterdam("2026-04-24T17:00"), Duration.ofHours(1)))
                .isEqualTo(amsterdam("2026-04-28T09:00"));
        // Easter Monday 6 April 2026 and Christmas (Friday 25 Dec, Boxing Day on Saturday).
        assertThat(dutch.openTimeBetween(amsterdam("2026-04-06T00:00"), amsterdam("2026-04-07T00:00"))).isZero();
        assertThat(dutch.plus(amsterdam("2026-12-24T17:00"), Duration.ofHours(1)))
                .isEqualTo(amsterdam("2026-12-28T09:00"));
        // Good Friday is no public holiday in the Netherlands: 3 April 2026 is a nine-hour day.
        assertThat(dutch.openTimeBetween(amsterdam("2026-04-03T00:00"), amsterdam("2026-04-04T00:00")))
                .isEqualTo(Duration.ofHours(9));
    }

    @Test
    void startBeforeOpeningCountsFromOpening() {
        // Monday 07:00 + 1 h → 08:30 + 1 h = 09:30.
        assertThat(office.plus(amsterdam("2026-06-01T07:00"), Duration.ofHours(1)))
                .isEqualTo(amsterdam("2026-06-01T09:30"));
    }

    @Test
    void startAfterClosingCountsFromTheNextOpening() {
        // Monday 18:00 + 1 h → Tuesday 09:30.
        assertThat(office.plus(amsterdam("2026-06-01T18:00"), Duration.ofHours(1)))
                .isEqualTo(amsterdam("2026-06-02T09:30"));
    }

    @Test
    void startOnAClosedDayCountsFromTheNextOpenDay() {
        // Saturday 10:00 + 1 h → Monday 09:30.
        assertThat(office.plus(amsterdam("2026-06-06T10:00"), Duration.ofHours(1)))
                .isEqualTo(amsterdam("2026-06-08T09:30"));
        assertThat(office.openTimeBetween(amsterdam("2026-06-06T10:00"), amsterdam("2026-06-07T23:00"))).isZero();
    }

    @Test
    void timeThatRunsOutAtClosingEndsAtClosing() {
        // Monday 08:30 + 9 h is Monday 17:30, not Tuesday's opening.
        assertThat(office.plus(amsterdam("2026-06-01T08:30"), Duration.ofHours(9)))
                .isEqualTo(amsterdam("2026-06-01T17:30"));
        // Zero open time is the start itself.
        assertThat(office.plus(amsterdam("2026-06-06T10:00"), Duration.ZERO)).isEqualTo(amsterdam("2026-06-06T10:00"));
    }

    @Test
    void businessDayIsNineHoursOnBothSidesOfTheSpringChange() {
        BusinessCalendar everyDay = WeeklyCalendar.openOn("every-day", AMSTERDAM, EVERY_DAY,
                List.of(OpenInterval.parse("08:30-17:30")), Holidays.NONE);

        // Saturday 28 March 17:00 (+01:00) + 1 h: half an hour Saturday, then Sunday 29 March
        // 08:30 + 30 min = 09:00 summer time (+02:00) = 07:00Z.
        assertThat(everyDay.plus(utc("2026-03-28T16:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(utc("2026-03-29T07:00:00Z"));
        // Sunday 29 March, the 23-hour day, still has nine open hours.
        assertThat(everyDay.openTimeBetween(utc("2026-03-28T23:00:00Z"), utc("2026-03-29T22:00:00Z")))
                .isEqualTo(Duration.ofHours(9));
    }

    @Test
    void businessDayIsNineHoursOnBothSidesOfTheAutumnChange() {
        BusinessCalendar everyDay = WeeklyCalendar.openOn("every-day", AMSTERDAM, EVERY_DAY,
                List.of(OpenInterval.parse("08:30-17:30")), Holidays.NONE);

        // Saturday 24 October 17:00 (+02:00) = 15:00Z, + 1 h → Sunday 25 October 09:00 (+01:00) = 08:00Z.
        assertThat(everyDay.plus(utc("2026-10-24T15:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(utc("2026-10-25T08:00:00Z"));
        // Sunday 25 October, the 25-hour day, has nine open hours: 07:30Z to 16:30Z.
        assertThat(everyDay.openTimeBetween(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z")))
                .isEqualTo(Duration.ofHours(9));
        assertThat(everyDay.plus(utc("2026-10-24T22:00:00Z"), Duration.ofHours(9)))
                .isEqualTo(utc("2026-10-25T16:30:00Z"));
    }

    @Test
    void roundTheClockCalendarHasTwentyThreeHoursOnTheSpringDay() {
        BusinessCalendar always = WeeklyCalendar.alwaysOpen("always", AMSTERDAM);

        // Sunday 29 March 00:00 (+01:00) = 28 March 23:00Z to Monday 00:00 (+02:00) = 29 March 22:00Z.
        assertThat(always.openTimeBetween(utc("2026-03-28T23:00:00Z"), utc("2026-03-29T22:00:00Z")))
                .isEqualTo(Duration.ofHours(23));
        // 24 hours from Sunday midnight is Monday 01:00 local = 23:00Z, exactly 24 real hours later.
        assertThat(always.plus(utc("2026-03-28T23:00:00Z"), Duration.ofHours(24)))
                .isEqualTo(utc("2026-03-29T23:00:00Z"));
    }

    @Test
    void roundTheClockCalendarHasTwentyFiveHoursOnTheAutumnDay() {
        BusinessCalendar always = WeeklyCalendar.alwaysOpen("always", AMSTERDAM);

        // Sunday 25 October 00:00 (+02:00) = 24 October 22:00Z to Monday 00:00 (+01:00) = 25 October 23:00Z.
        assertThat(always.openTimeBetween(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(always.plus(utc("2026-10-24T22:00:00Z"), Duration.ofHours(24)))
                .isEqualTo(utc("2026-10-25T22:00:00Z"));
    }

    @Test
    void roundTheClockCalendarInUtcCountsRealTime() {
        BusinessCalendar always = WeeklyCalendar.alwaysOpen("always", ZoneOffset.UTC);

        // 500 h = 20 days 20 h: 1 March 2026 10:15:30.5Z → 21 March 06:15:30.5Z.
        assertThat(always.plus(utc("2026-03-01T10:15:30.500Z"), Duration.ofHours(500)))
                .isEqualTo(utc("2026-03-22T06:15:30.500Z"));
        assertThat(always.openTimeBetween(utc("2026-03-01T10:15:30.500Z"), utc("2026-03-22T06:15:30.500Z")))
                .isEqualTo(Duration.ofHours(500));
    }

    @Test
    void intervalsInTheDaylightSavingGapAndOverlapFollowTheZone() {
        BusinessCalendar night = WeeklyCalendar.openOn("night", AMSTERDAM, List.of(DayOfWeek.SUNDAY),
                List.of(OpenInterval.parse("02:00-04:00")), Holidays.NONE);

        // 29 March: 02:00 does not exist and moves to 03:00 (+02:00) = 01:00Z; 04:00 (+02:00) = 02:00Z: one hour.
        assertThat(night.openTimeBetween(utc("2026-03-28T23:00:00Z"), utc("2026-03-29T22:00:00Z")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(night.plus(utc("2026-03-28T23:00:00Z"), Duration.ofMinutes(1)))
                .isEqualTo(utc("2026-03-29T01:01:00Z"));
        // 25 October: 02:00 occurs twice and takes the earlier offset (+02:00) = 00:00Z; 04:00 (+01:00) = 03:00Z: three hours.
        assertThat(night.openTimeBetween(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z")))
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void fiveHundredBusinessHoursAreExact() {
        // 500 h = 55 nine-hour days (11 whole weeks) + 5 h: Monday 1 June 08:30 + 11 weeks is
        // Monday 17 August 08:30, + 5 h → 13:30 (+02:00) = 11:30Z.
        assertThat(office.plus(amsterdam("2026-06-01T08:30"), Duration.ofHours(500)))
                .isEqualTo(utc("2026-08-17T11:30:00Z"));
        assertThat(office.openTimeBetween(amsterdam("2026-06-01T08:30"), utc("2026-08-17T11:30:00Z")))
                .isEqualTo(Duration.ofHours(500));
    }

    @Test
    void openTimeBetweenUndoesPlus() {
        List<Instant> starts = List.of(amsterdam("2026-03-27T16:59:59"), amsterdam("2026-06-06T12:00"),
                amsterdam("2026-10-23T08:30"), amsterdam("2026-12-31T23:59"));
        List<Duration> spans = List.of(Duration.ofSeconds(1), Duration.ofMinutes(90), Duration.ofHours(9),
                Duration.ofHours(41).plusMinutes(7), Duration.ofHours(1000));
        for (Instant start : starts) {
            for (Duration span : spans) {
                Instant due = office.plus(start, span);
                assertThat(office.openTimeBetween(start, due)).as("%s + %s = %s", start, span, due).isEqualTo(span);
                assertThat(office.openTimeBetween(start, due.minusNanos(1))).isLessThan(span);
            }
        }
    }

    @Test
    void openTimeBetweenIsZeroBackwards() {
        assertThat(office.openTimeBetween(amsterdam("2026-06-02T10:00"), amsterdam("2026-06-01T10:00"))).isZero();
    }

    @Test
    void calendarWithoutOpeningHoursIsRefused() {
        assertThatThrownBy(() -> new WeeklyCalendar("closed", AMSTERDAM, Map.of(), Holidays.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calendar \"closed\" has no opening hours");
    }

    @Test
    void overlappingIntervalsAreRefused() {
        assertThatThrownBy(() -> new WeeklyCalendar("twice", AMSTERDAM, Map.of(DayOfWeek.MONDAY,
                List.of(OpenInterval.parse("08:00-12:00"), OpenInterval.parse("11:00-17:00"))), Holidays.NONE))
                .hasMessageContaining("08:00-12:00 overlaps 11:00-17:00");
    }

    @Test
    void calendarClosedForGoodGivesUpInsteadOfLooping() {
        // Open only on 29 February, and that date a holiday: never open.
        BusinessCalendar never = WeeklyCalendar.openOn("never", ZoneOffset.UTC, EVERY_DAY,
                List.of(OpenInterval.WHOLE_DAY), new Holidays(Set.of(), Set.copyOf(everyDayOfTheYear()), List.of()));

        assertThatThrownBy(() -> never.plus(utc("2026-01-01T00:00:00Z"), Duration.ofMinutes(1)))
                .isInstanceOf(CalendarNeverOpensException.class)
                .hasMessageContaining("within 10 years");
    }

    private static List<java.time.MonthDay> everyDayOfTheYear() {
        return LocalDate.of(2028, 1, 1).datesUntil(LocalDate.of(2029, 1, 1)).map(java.time.MonthDay::from).toList();
    }

    @Test
    void intervalTextIsChecked() {
        assertThat(OpenInterval.parse("00:00-24:00")).isEqualTo(OpenInterval.WHOLE_DAY);
        assertThatThrownBy(() -> OpenInterval.parse("17:30-08:30")).hasMessageContaining("closes before it opens");
        assertThatThrownBy(() -> OpenInterval.parse("8:30-17:30")).hasMessageContaining("\"8:30\" is not a time HH:mm");
        assertThatThrownBy(() -> OpenInterval.parse("08:30-25:00")).hasMessageContaining("\"25:00\" is not a time HH:mm");
        assertThatThrownBy(() -> OpenInterval.parse("08:30")).hasMessageContaining("is not HH:mm-HH:mm");
        assertThatThrownBy(() -> OpenInterval.parse("08:00-00:00")).hasMessageContaining("write 24:00");
    }
}
