package dev.leeway.watch;

import dev.leeway.scheduling.FixedDelayPolling;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** Fires due timers every {@code leeway.watch.poll-interval}, the first time right after start. */
@Configuration(proxyBeanMethods = false)
class WatchScheduling {

    @Bean
    FixedDelayPolling dueTimersPolling(DueTimers timers, WatchProperties properties, TaskScheduler scheduler) {
        return new FixedDelayPolling(scheduler, timers::fireDue, Duration.ZERO, properties.pollInterval(),
                "Could not look for watched cases due to be decided");
    }
}
