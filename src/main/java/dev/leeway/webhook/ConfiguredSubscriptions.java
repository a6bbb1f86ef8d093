package dev.leeway.webhook;

import dev.leeway.event.EventType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks the configured subscriptions at start-up and keeps them in the subscription table, so
 * that their deliveries can point at them like those of subscriptions made through the API. A
 * wrong entry stops the start, naming the entry and what is wrong, never the secret.
 */
@Component
class ConfiguredSubscriptions {

    static final String PROPERTY = "leeway.webhooks.subscriptions";
    /** The id, config:<name>, must fit the subscription table's column. */
    private static final int LONGEST_NAME = 90;

    ConfiguredSubscriptions(WebhookProperties properties, SubscriptionTable table, Clock clock) {
        List<EventSubscription> checked = check(properties.subscriptions(), clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            table.putConfigured(checked.get(i), properties.subscriptions().get(i).secret());
            ids.add(checked.get(i).id());
        }
        table.deactivateConfiguredExcept(ids);
    }

    private static List<EventSubscription> check(List<WebhookProperties.Subscription> configured, Clock clock) {
        List<String> problems = new ArrayList<>();
        List<EventSubscription> checked = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < configured.size(); i++) {
            WebhookProperties.Subscription entry = configured.get(i);
            String at = PROPERTY + "[" + i + "]";
            String name = entry.name() == null || entry.name().isBlank() ? "config-" + i : entry.name();
            if (name.length() > LONGEST_NAME) {
                problems.add(at + ".name must be at most " + LONGEST_NAME + " characters long");
            } else if (!names.add(name)) {
                problems.add(at + ".name \"" + name + "\" is taken by an earlier entry");
            }
            add(problems, at + ".url", SubscriptionRules.urlProblem(entry.url()));
            add(problems, at + ".secret", SigningSecret.problemWith(entry.secret()));
            Set<EventType> types = new LinkedHashSet<>();
            if (entry.events().isEmpty()) {
                problems.add(at + ".events must name at least one of " + SubscriptionRules.KNOWN_EVENTS);
            }
            for (int e = 0; e < entry.events().size(); e++) {
                String event = entry.events().get(e);
                add(problems, at + ".events[" + e + "]", SubscriptionRules.eventProblem(event));
                SubscriptionRules.type(event).ifPresent(types::add);
            }
            checked.add(new EventSubscription(EventSubscription.CONFIG + ":" + name, name, entry.url(),
                    EventSubscription.inOrder(types), EventSubscription.CONFIG, clock.instant(), true));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid webhook subscriptions in the configuration: "
                    + String.join("; ", problems));
        }
        return checked;
    }

    private static void add(List<String> problems, String where, String problem) {
        if (problem != null) {
            problems.add(where + " " + problem);
        }
    }
}
