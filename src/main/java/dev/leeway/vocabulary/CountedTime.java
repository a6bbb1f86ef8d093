package dev.leeway.vocabulary;

import dev.leeway.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/** What a deadline's clock counts: every minute, or only a calendar's open time. */
interface CountedTime {

    Duration between(Instant from, Instant to);

    /** The instant at which {@code time} has been counted since {@code start}. */
    Instant plus(Instant start, Duration time);

    CountedTime ALL = new CountedTime() {
        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public Instant plus(Instant start, Duration time) {
            return start.plus(time);
        }
    };

    static CountedTime openTimeOf(BusinessCalendar calendar) {
        return new CountedTime() {
            @Override
            public Duration between(Instant from, Instant to) {
                return calendar.openTimeBetween(from, to);
            }

            @Override
            public Instant plus(Instant start, Duration time) {
                return calendar.plus(start, time);
            }
        };
    }
}
