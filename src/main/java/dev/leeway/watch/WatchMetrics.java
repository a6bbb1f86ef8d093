package dev.leeway.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code leeway.watch.cases} (cases watched, all instances together), {@code leeway.watch.fired}
 * (timers this instance fired) and {@code leeway.watch.lateness} (from a timer's instant to its
 * decision being recorded).
 */
@Component
class WatchMetrics {

    private final Counter fired;
    private final Timer lateness;

    WatchMetrics(MeterRegistry meters, WatchedCaseTable table) {
        Gauge.builder("leeway.watch.cases", () -> {
            try {
                return table.count();
            } catch (RuntimeException databaseUnreachable) {
                return Double.NaN;
            }
        }).description("Cases Leeway watches").register(meters);
        this.fired = Counter.builder("leeway.watch.fired").description("Timers of watched cases this instance fired")
                .register(meters);
        this.lateness = Timer.builder("leeway.watch.lateness")
                .description("From the instant a watched case was due to be decided to its decision being recorded")
                .publishPercentileHistogram().register(meters);
    }

    void fired(Duration late) {
        fired.increment();
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }
}
