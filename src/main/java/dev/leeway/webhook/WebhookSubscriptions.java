package dev.leeway.webhook;

import dev.leeway.event.EventType;
import dev.leeway.problem.InvalidParameterException;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Subscriptions made, listed and removed through the API. */
@Component
public class WebhookSubscriptions {

    private final SubscriptionTable table;
    private final Clock clock;

    WebhookSubscriptions(SubscriptionTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** @throws InvalidParameterException naming the first wrong field ({@code url}, {@code events[1]} …) */
    public CreatedSubscription create(SubscriptionRequest request) {
        refuse("url", SubscriptionRules.urlProblem(request.url()));
        List<String> events = request.events() == null ? List.of() : request.events();
        if (events.isEmpty()) {
            refuse("events", "must name at least one of " + SubscriptionRules.KNOWN_EVENTS);
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            refuse("events[" + i + "]", SubscriptionRules.eventProblem(events.get(i)));
            types.add(SubscriptionRules.type(events.get(i)).orElseThrow());
        }
        String name = request.name() == null || request.name().isBlank() ? URI.create(request.url()).getHost()
                : request.name();
        if (name.length() > 200) {
            refuse("name", "must be at most 200 characters long");
        }
        EventSubscription subscription = new EventSubscription(UUID.randomUUID().toString(), name, request.url(),
                EventSubscription.inOrder(types), EventSubscription.API, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                true);
        String secret = SigningSecret.generate();
        table.add(subscription, secret);
        return new CreatedSubscription(subscription, secret);
    }

    public SubscriptionList list() {
        return new SubscriptionList(table.active());
    }

    /**
     * Stops deliveries to the subscription; what was delivered or died stays listed.
     *
     * @throws WebhookProblemException 404 when there is no such active subscription, 409 for a configured one
     */
    public void remove(String id) {
        EventSubscription subscription = table.find(id).filter(EventSubscription::active)
                .orElseThrow(() -> WebhookProblemException.notFound("No active webhook subscription has the id " + id + "."));
        if (EventSubscription.CONFIG.equals(subscription.origin())) {
            throw WebhookProblemException.conflict("Subscription " + id + " comes from the configuration ("
                    + ConfiguredSubscriptions.PROPERTY + "); remove it there.");
        }
        table.deactivate(id);
    }

    private static void refuse(String field, String problem) {
        if (problem != null) {
            throw new InvalidParameterException(field, problem);
        }
    }
}
