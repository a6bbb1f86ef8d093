package dev.leeway.webhook;

import dev.leeway.scheduling.FixedDelayPolling;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** Wires what the webhook classes cannot choose for themselves. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    Jitter webhookJitter() {
        return Jitter.random();
    }

    /** Sends due deliveries every {@code leeway.webhooks.poll-interval}, the first time one interval after start. */
    @Bean
    FixedDelayPolling webhookPolling(WebhookDispatcher dispatcher, WebhookProperties properties, TaskScheduler scheduler) {
        Duration every = properties.pollInterval();
        if (every.isZero() || every.isNegative()) {
            // Nothing else sends deliveries: an instance that never polled would never send one.
            throw new IllegalArgumentException("leeway.webhooks.poll-interval must be more than zero, not " + every);
        }
        return new FixedDelayPolling(scheduler, dispatcher::deliverDue, every, every, "Could not deliver due webhooks");
    }
}
