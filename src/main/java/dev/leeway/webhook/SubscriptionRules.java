package dev.leeway.webhook;

import dev.leeway.event.EventType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a subscription must be, for configuration and the API alike: each check says what is wrong, or null. */
final class SubscriptionRules {

    static final String KNOWN_EVENTS = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.joining(", "));

    /** As long as the subscription table's column. */
    private static final int LONGEST_URL = 2000;

    private SubscriptionRules() {}

    static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "is missing";
        }
        if (url.length() > LONGEST_URL) {
            return "must be at most " + LONGEST_URL + " characters long";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.isAbsolute() && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return null;
            }
        } catch (URISyntaxException malformed) {
            // answered below
        }
        return "must be an absolute http or https URL without credentials, not \"" + url + "\"";
    }

    static String eventProblem(String wireName) {
        return type(wireName).isPresent() ? null
                : "must be one of " + KNOWN_EVENTS + ", not \"" + wireName + "\"";
    }

    static Optional<EventType> type(String wireName) {
        return Arrays.stream(EventType.values()).filter(type -> type.wireName().equals(wireName)).findFirst();
    }
}
