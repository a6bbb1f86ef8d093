package dev.leeway.webhook;

import java.time.Instant;

/**
 * One event on its way to one subscription, as the outbox holds it.
 *
 * @param sequenceNumber the order of deliveries of one (subscription, case)
 * @param eventId the CloudEvent id and {@code webhook-id}: the same on every attempt and replay
 * @param body the CloudEvents JSON exactly as sent
 * @param status {@code PENDING}, {@code DELIVERED} or {@code DEAD}
 * @param lastError the last failed attempt's HTTP status or exception class
 */
record OutboxDelivery(long sequenceNumber, String deliveryId, String eventId, String subscriptionId, String caseId,
        String eventType, Instant eventTime, String body, String status, int attempts, Instant nextAttemptAt,
        String lastError, Instant createdAt, Instant deliveredAt) {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String DEAD = "DEAD";
}
