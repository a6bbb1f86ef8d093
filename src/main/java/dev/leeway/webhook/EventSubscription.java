package dev.leeway.webhook;

import dev.leeway.event.EventType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A receiver of case events as listed: never with its secret.
 *
 * @param events wire names, e.g. {@code deadline.warning}
 * @param origin where it came from: {@code config} or {@code api}
 */
public record EventSubscription(String id, String name, String url, List<String> events, String origin,
        Instant createdAt, boolean active) {

    static final String CONFIG = "config";
    static final String API = "api";

    public EventSubscription {
        events = List.copyOf(events);
    }

    /** The wire names of the types, once each, in the order {@link EventType} declares them. */
    static List<String> inOrder(Collection<EventType> types) {
        return Arrays.stream(EventType.values()).filter(types::contains).map(EventType::wireName).toList();
    }
}
