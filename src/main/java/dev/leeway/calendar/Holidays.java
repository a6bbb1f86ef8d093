package dev.leeway.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

/**
 * The days a calendar is closed whatever its weekly hours say, as dates in the calendar's zone.
 *
 * @param dates single days, e.g. 2026-12-24
 * @param yearly days closed every year, e.g. 12-25
 * @param publicHolidays countries whose public holidays close the calendar
 */
public record Holidays(Set<LocalDate> dates, Set<MonthDay> yearly, List<PublicHolidays> publicHolidays) {

    public static final Holidays NONE = new Holidays(Set.of(), Set.of(), List.of());

    public Holidays {
        dates = Set.copyOf(dates);
        yearly = Set.copyOf(yearly);
        publicHolidays = List.copyOf(publicHolidays);
    }

    public static Holidays on(LocalDate... dates) {
        return new Holidays(Set.of(dates), Set.of(), List.of());
    }

    public boolean contains(LocalDate date) {
        return dates.contains(date)
                || yearly.contains(MonthDay.from(date))
                || publicHolidays.stream().anyMatch(country -> country.contains(date));
    }
}
