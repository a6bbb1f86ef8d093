package dev.leeway.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A calendar open the same hours every week, in its own zone, except on its holidays. Open time is
 * counted over whole open intervals, day by day: each interval's local times are placed on their
 * date in the zone, so an 08:30–17:30 day is nine hours on both sides of a DST change, and a
 * 00:00–24:00 day has the 23 or 25 hours the day really has. A local time in a DST gap moves
 * forward by the gap's length; one in an overlap takes the earlier offset (as
 * {@link java.time.ZonedDateTime#of} does).
 */
public final class WeeklyCalendar implements BusinessCalendar {

    /** How far {@link #plus} looks for open time before it gives up, so that a calendar whose holidays close it for good cannot loop forever. */
    static final int SEARCH_YEARS = 10;

    private final String name;
    private final ZoneId timeZone;
    private final Map<DayOfWeek, List<OpenInterval>> hours;
    private final Holidays holidays;

    /**
     * @param hours each weekday's open intervals; a day left out is closed
     * @throws IllegalArgumentException when a day's intervals overlap or no day is open at all
     */
    public WeeklyCalendar(String name, ZoneId timeZone, Map<DayOfWeek, List<OpenInterval>> hours, Holidays holidays) {
        this.name = name;
        this.timeZone = timeZone;
        this.holidays = holidays;
        Map<DayOfWeek, List<OpenInterval>> sorted = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpenInterval> intervals = new ArrayList<>(hours.getOrDefault(day, List.of()));
            intervals.sort(Comparator.comparing(OpenInterval::opens));
            for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i - 1).overlaps(intervals.get(i))) {
                    throw new IllegalArgumentException("calendar \"" + name + "\": on " + day + " interval "
                            + intervals.get(i - 1) + " overlaps " + intervals.get(i));
                }
            }
            sorted.put(day, List.copyOf(intervals));
        }
        if (sorted.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("calendar \"" + name + "\" has no opening hours");
        }
        this.hours = Map.copyOf(sorted);
    }

    /** Open around the clock, every day of the year. */
    public static WeeklyCalendar alwaysOpen(String name, ZoneId timeZone) {
        Map<DayOfWeek, List<OpenInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(OpenInterval.WHOLE_DAY));
        }
        return new WeeklyCalendar(name, timeZone, hours, Holidays.NONE);
    }

    /** Open the same intervals on each of the given days, closed on the others. */
    public static WeeklyCalendar openOn(String name, ZoneId timeZone, List<DayOfWeek> days,
            List<OpenInterval> intervals, Holidays holidays) {
        Map<DayOfWeek, List<OpenInterval>> hours = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> hours.put(day, intervals));
        return new WeeklyCalendar(name, timeZone, hours, holidays);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ZoneId timeZone() {
        return timeZone;
    }

    public Map<DayOfWeek, List<OpenInterval>> hours() {
        return hours;
    }

    public Holidays holidays() {
        return holidays;
    }

    /**
     * The earliest instant by which {@code openTime} of open time has passed since {@code start}:
     * a start outside opening hours counts from the next opening, and time that runs out exactly
     * at a closing ends there (not at the next opening). Zero open time is the start itself.
     *
     * @throws CalendarNeverOpensException when the calendar has not that much open time within ten years
     */
    @Override
    public Instant plus(Instant start, Duration openTime) {
        if (openTime.isNegative()) {
            throw new IllegalArgumentException("open time to add must not be negative: " + openTime);
        }
        if (openTime.isZero()) {
            return start;
        }
        Duration remaining = openTime;
        LocalDate horizon = localDate(start).plusYears(SEARCH_YEARS);
        OpenSpans spans = new OpenSpans(localDate(start).minusDays(1));
        for (Span span = spans.next(); !spans.date.isAfter(horizon); span = spans.next()) {
            if (span == null || !span.closes().isAfter(start)) {
                continue;
            }
            Instant from = later(span.opens(), start);
            Duration open = Duration.between(from, span.closes());
            if (remaining.compareTo(open) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(open);
        }
        throw new CalendarNeverOpensException("calendar \"" + name + "\" has not " + openTime
                + " of open time within " + SEARCH_YEARS + " years after " + start);
    }

    @Override
    public Duration openTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to).plusDays(1);
        OpenSpans spans = new OpenSpans(localDate(from).minusDays(1));
        for (Span span = spans.next(); !spans.date.isAfter(last); span = spans.next()) {
            if (span == null) {
                continue;
            }
            Instant opens = later(span.opens(), from);
            Instant closes = span.closes().isBefore(to) ? span.closes() : to;
            if (closes.isAfter(opens)) {
                total = total.plus(Duration.between(opens, closes));
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "calendar " + name + " (" + timeZone + ")";
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(timeZone).toLocalDate();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Span(Instant opens, Instant closes) {}

    /**
     * The calendar's open spans in time order, from a date on; {@link #next} gives null for a step
     * that only moves to the next date. Spans are clipped so they never overlap, which a DST gap
     * could otherwise make two intervals do.
     */
    private final class OpenSpans {

        private LocalDate date;
        private List<OpenInterval> today = List.of();
        private int index;
        private Instant closedUntil = Instant.MIN;

        OpenSpans(LocalDate first) {
            this.date = first.minusDays(1);
        }

        Span next() {
            while (index < today.size()) {
                OpenInterval interval = today.get(index++);
                Instant opens = later(interval.opensOn(date, timeZone).toInstant(), closedUntil);
                Instant closes = interval.closesOn(date, timeZone).toInstant();
                if (closes.isAfter(opens)) {
                    closedUntil = closes;
                    return new Span(opens, closes);
                }
            }
            date = date.plusDays(1);
            today = holidays.contains(date) ? List.of() : hours.get(date.getDayOfWeek());
            index = 0;
            return null;
        }
    }
}
