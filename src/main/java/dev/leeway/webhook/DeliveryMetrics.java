package dev.leeway.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What operators watch: {@code leeway.webhooks.attempts} (each HTTP attempt, by outcome success or
 * failure), {@code leeway.webhooks.deliveries} (deliveries that ended, by outcome delivered or dead)
 * and {@code leeway.webhooks.delivery.lag} (from the event's time to the receiver's 2xx).
 */
@Component
class DeliveryMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Counter delivered;
    private final Counter dead;
    private final Timer lag;

    DeliveryMetrics(MeterRegistry meters) {
        succeeded = attempts(meters, "success");
        failed = attempts(meters, "failure");
        delivered = deliveries(meters, "delivered");
        dead = deliveries(meters, "dead");
        lag = Timer.builder("leeway.webhooks.delivery.lag").description("From an event's time to its delivery")
                .register(meters);
    }

    void delivered(Duration sinceEvent) {
        succeeded.increment();
        delivered.increment();
        lag.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    void failed(boolean gaveUp) {
        failed.increment();
        if (gaveUp) {
            dead.increment();
        }
    }

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("leeway.webhooks.attempts").description("HTTP attempts at delivering webhooks")
                .tag("outcome", outcome).register(meters);
    }

    private static Counter deliveries(MeterRegistry meters, String outcome) {
        return Counter.builder("leeway.webhooks.deliveries").description("Webhook deliveries that ended")
                .tag("outcome", outcome).register(meters);
    }
}
