package dev.leeway.webhook;

import dev.leeway.event.CaseEvent;
import dev.leeway.event.CaseEventsRecorded;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts each recorded case event in the outbox once per subscription to its type, in the audit
 * append's transaction: a synchronous listener, so the rows commit if and only if the audit
 * record does, and no event is announced that the log does not hold.
 */
@Component
class OutboxWriter {

    private final SubscriptionTable subscriptions;
    private final OutboxTable outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final String source;

    OutboxWriter(SubscriptionTable subscriptions, OutboxTable outbox, JsonMapper json, Clock clock,
            WebhookProperties properties) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.source = properties.source();
    }

    @EventListener
    public void record(CaseEventsRecorded recorded) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Written on its own, a row could announce an event whose audit record was then refused.
            throw new IllegalStateException("Case events must be published inside the audit append's transaction");
        }
        for (CaseEvent event : recorded.events()) {
            String body = null;
            for (String subscription : subscriptions.subscribedTo(event.type())) {
                body = body == null ? json.writeValueAsString(CloudEvent.of(event, source)) : body;
                outbox.add(UUID.randomUUID().toString(), event.id().toString(), subscription, event.caseId(),
                        event.type().wireName(), event.time(), body, clock.instant());
            }
        }
    }
}
