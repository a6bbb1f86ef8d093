package dev.leeway.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When the organisation counts time: a calendar's opening hours in its own time zone, less its
 * holidays. Deadlines in business time count only open time.
 */
public interface BusinessCalendar {

    /** The calendar's name: its file name under {@code calendars/}, without {@code .yaml}. */
    String name();

    ZoneId timeZone();

    /**
     * The instant at which {@code openTime} of open time has passed since {@code start}. A start
     * outside opening hours counts from the next opening.
     */
    Instant plus(Instant start, Duration openTime);

    /** The open time between the two instants; zero when {@code to} is not after {@code from}. */
    Duration openTimeBetween(Instant from, Instant to);
}
