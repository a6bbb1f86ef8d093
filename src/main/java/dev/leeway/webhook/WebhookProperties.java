package dev.leeway.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks ({@code leeway.webhooks.*}). Subscriptions given here are checked at start-up
 * ({@link ConfiguredSubscriptions}) and kept in the subscription table beside those made through the API.
 *
 * @param subscriptions endpoints told about case events from the start
 * @param maxAttempts attempts at one delivery before it becomes a dead letter
 * @param backoffBase the least wait before a retry, and the first step of the exponential backoff
 * @param backoffCap the longest the backoff grows to (a receiver's {@code Retry-After} may ask for longer)
 * @param pollInterval how often due deliveries are looked for
 * @param connectTimeout how long connecting to a receiver may take
 * @param requestTimeout how long a receiver may take to answer
 * @param lease how long a claimed delivery is this instance's before another instance may try it
 * @param source the CloudEvents {@code source} of every event
 */
@ConfigurationProperties("leeway.webhooks")
public record WebhookProperties(
        @DefaultValue({}) List<Subscription> subscriptions,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration backoffBase,
        @DefaultValue("1h") Duration backoffCap,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("urn:leeway") String source) {

    /**
     * One configured subscription; read as plain text, so that {@link ConfiguredSubscriptions} can
     * say what is wrong with an entry without the binder repeating its secret.
     *
     * @param name stable across restarts: its deliveries keep pointing at it (defaults to {@code config-<index>})
     * @param events wire names, e.g. {@code deadline.warning}
     * @param secret {@code whsec_} followed by the Base64 of the signing key
     */
    public record Subscription(String name, String url, @DefaultValue({}) List<String> events, String secret) {

        /** Never the secret, should a start-up failure print the entry. */
        @Override
        public String toString() {
            return "Subscription[name=" + name + ", url=" + url + ", events=" + events + "]";
        }
    }
}
