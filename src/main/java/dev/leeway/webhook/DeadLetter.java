package dev.leeway.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A delivery that gave up after the most attempts allowed.
 *
 * @param lastError the last attempt's HTTP status or exception class
 * @param lastAttemptAt when the last attempt failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String deliveryId, String eventId, String eventType, String caseId, String subscriptionId,
        Instant eventTime, int attempts, String lastError, Instant lastAttemptAt) {

    static DeadLetter of(OutboxDelivery delivery) {
        return new DeadLetter(delivery.deliveryId(), delivery.eventId(), delivery.eventType(), delivery.caseId(),
                delivery.subscriptionId(), delivery.eventTime(), delivery.attempts(), delivery.lastError(),
                delivery.nextAttemptAt());
    }
}
