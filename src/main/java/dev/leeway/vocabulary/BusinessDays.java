package dev.leeway.vocabulary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Counts business days (Monday to Friday) in the organisation's time zone. */
final class BusinessDays {

    private BusinessDays() {}

    static Instant after(Instant start, int days, ZoneId zone) {
        ZonedDateTime cursor = start.atZone(zone);
        int remaining = days;
        while (remaining > 0) {
            cursor = cursor.plusDays(1);
            if (cursor.getDayOfWeek() != DayOfWeek.SATURDAY && cursor.getDayOfWeek() != DayOfWeek.SUNDAY) {
                remaining--;
            }
        }
        return cursor.toInstant();
    }
}
