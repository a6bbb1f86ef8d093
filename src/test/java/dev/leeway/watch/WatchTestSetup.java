package dev.leeway.watch;

import dev.leeway.MovableClock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the watch tests move, and a listener that notes the events watched cases bring; imported
 * by the tests that use it (not annotated, so that contexts started without the test framework do
 * not find it by scanning).
 */
class WatchTestSetup {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }
}
