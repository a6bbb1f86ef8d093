package dev.leeway.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A stretch of a day during which the calendar is open, in local time, e.g. 08:30–12:00. An
 * interval never crosses midnight; {@code closes} equal to {@link LocalTime#MIDNIGHT} means it
 * runs to the end of the day (written {@code 24:00}).
 */
public record OpenInterval(LocalTime opens, LocalTime closes) {

    /** The whole day, 00:00–24:00: however many hours the day has in the zone (23 or 25 on DST changes). */
    public static final OpenInterval WHOLE_DAY = new OpenInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public OpenInterval {
        if (!closesAtEndOfDay(closes) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("interval " + text(opens, closes) + " closes before it opens; "
                    + "an interval cannot cross midnight: split it into two days");
        }
    }

    /** Reads {@code HH:mm-HH:mm}; {@code 24:00} closes at the end of the day. */
    public static OpenInterval parse(String text) {
        String[] ends = text.strip().split("\\s*-\\s*", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("interval \"" + text + "\" is not HH:mm-HH:mm");
        }
        LocalTime opens = time(ends[0], text, false);
        LocalTime closes = time(ends[1], text, true);
        return new OpenInterval(opens, closes);
    }

    /** Whether this interval and the other share any open time. */
    public boolean overlaps(OpenInterval other) {
        return opens.isBefore(other.closesOrEnd()) && other.opens.isBefore(closesOrEnd());
    }

    /**
     * Where the interval starts on the date, in the zone. A local time that does not exist on that
     * date (in a DST gap) moves forward by the gap's length; one that occurs twice (in a DST
     * overlap) takes the earlier offset, as {@link ZonedDateTime#of} does.
     */
    ZonedDateTime opensOn(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, opens, zone);
    }

    /** Where the interval ends on the date; 24:00 is the start of the next day. */
    ZonedDateTime closesOn(LocalDate date, ZoneId zone) {
        return closesAtEndOfDay(closes) ? date.plusDays(1).atStartOfDay(zone) : ZonedDateTime.of(date, closes, zone);
    }

    @Override
    public String toString() {
        return text(opens, closes);
    }

    /** The closing time as a point of the day, 24:00 counted after every other time. */
    private LocalTime closesOrEnd() {
        return closesAtEndOfDay(closes) ? LocalTime.MAX : closes;
    }

    private static boolean closesAtEndOfDay(LocalTime closes) {
        return LocalTime.MIDNIGHT.equals(closes);
    }

    private static LocalTime time(String end, String interval, boolean closing) {
        if (closing && end.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        if (!end.matches("\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("interval \"" + interval + "\": \"" + end + "\" is not a time HH:mm");
        }
        try {
            LocalTime time = LocalTime.parse(end);
            if (closing && time.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("interval \"" + interval + "\" closes at 00:00; "
                        + "write 24:00 for the end of the day");
            }
            return time;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("interval \"" + interval + "\": \"" + end + "\" is not a time HH:mm");
        }
    }

    private static String text(LocalTime opens, LocalTime closes) {
        return opens + "-" + (closesAtEndOfDay(closes) ? "24:00" : closes.toString());
    }
}
