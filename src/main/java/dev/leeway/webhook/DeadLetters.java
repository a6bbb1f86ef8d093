package dev.leeway.webhook;

import dev.leeway.problem.OpaqueCursor;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Deliveries that gave up, and replaying them. A replayed delivery keeps its place in its
 * (subscription, case): it is sent before any later event of that case that is still undelivered,
 * but after those delivered while it was dead.
 */
@Component
public class DeadLetters {

    private static final String CURSOR_KIND = "dead-letter";

    private final OutboxTable outbox;
    private final Clock clock;

    DeadLetters(OutboxTable outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Oldest first, starting after the cursor's dead letter (from the first when there is no cursor). */
    public DeadLetterPage page(String cursor, int limit) {
        long after = cursor == null ? 0 : OpaqueCursor.decodePosition(CURSOR_KIND, cursor);
        List<OutboxDelivery> found = outbox.dead(after, limit + 1);
        List<OutboxDelivery> page = found.size() > limit ? found.subList(0, limit) : found;
        String next = found.size() > limit
                ? OpaqueCursor.encode(CURSOR_KIND, Long.toString(page.get(limit - 1).sequenceNumber())) : null;
        return new DeadLetterPage(page.stream().map(DeadLetter::of).toList(), next);
    }

    /**
     * Makes the dead letter due again now, its attempts counted afresh.
     *
     * @throws WebhookProblemException 404 when there is no such delivery, 409 when it is not dead
     */
    public void replay(String deliveryId) {
        OutboxDelivery delivery = outbox.find(deliveryId).orElseThrow(
                () -> WebhookProblemException.notFound("No webhook delivery has the id " + deliveryId + "."));
        if (!outbox.replay(deliveryId, clock.instant())) {
            throw WebhookProblemException.conflict("Delivery " + deliveryId + " is " + delivery.status()
                    + ", not a dead letter.");
        }
    }
}
