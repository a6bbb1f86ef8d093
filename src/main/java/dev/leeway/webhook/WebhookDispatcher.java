package dev.leeway.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends due deliveries from the outbox, signed per Standard Webhooks, every
 * {@code leeway.webhooks.poll-interval}: at least once, and one at a time per (subscription, case)
 * so that a case's events arrive in order. A 2xx delivers; anything else is tried again with
 * backoff until {@code leeway.webhooks.max-attempts}, then kept as a dead letter.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final MediaType CLOUD_EVENTS = MediaType.parseMediaType(CloudEvent.MEDIA_TYPE + ";charset=utf-8");

    private record Answer(int status, String retryAfter) {}

    private final OutboxTable outbox;
    private final SubscriptionTable subscriptions;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final WebhookProperties properties;
    private final RetryPolicy retries;
    private final RestClient http;
    /** Claims are this instance's; another instance takes a delivery over only once its lease ran out. */
    private final String owner = "instance-" + UUID.randomUUID();
    /** As many as can all time out within one lease, so none is sent after another instance may have taken it over. */
    private final int claimedAtOnce;

    WebhookDispatcher(OutboxTable outbox, SubscriptionTable subscriptions, DeliveryMetrics metrics, Clock clock,
            WebhookProperties properties, Jitter jitter) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        this.clock = clock;
        this.properties = properties;
        this.retries = new RetryPolicy(properties.backoffBase(), properties.backoffCap(), jitter);
        long slowestAttempt = properties.connectTimeout().plus(properties.requestTimeout()).toMillis();
        this.claimedAtOnce = (int) Math.max(1, Math.min(100, properties.lease().toMillis() / Math.max(1, slowestAttempt)));
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(properties.requestTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /**
     * Attempts every delivery that is due now, and those of the same (subscription, case) that
     * become due as the earlier ones are delivered.
     *
     * @return the attempts made
     */
    public int deliverDue() {
        int attempts = 0;
        Map<String, Optional<SubscriptionTable.Target>> targets = new HashMap<>();
        List<OutboxDelivery> claimed;
        do {
            Instant now = clock.instant();
            Instant leaseEnds = now.plus(properties.lease());
            claimed = outbox.claimDue(now, owner, leaseEnds, claimedAtOnce);
            for (OutboxDelivery delivery : claimed) {
                if (!clock.instant().isBefore(leaseEnds)) {
                    // Another instance may have claimed it by now; it is sent again once due.
                    break;
                }
                Optional<SubscriptionTable.Target> target = targets.computeIfAbsent(delivery.subscriptionId(),
                        subscriptions::target);
                if (target.isPresent()) {
                    attempt(delivery, target.get());
                    attempts++;
                }
            }
        } while (!claimed.isEmpty());
        return attempts;
    }

    private void attempt(OutboxDelivery delivery, SubscriptionTable.Target target) {
        Instant sentAt = clock.instant();
        int attempts = delivery.attempts() + 1;
        String failure;
        String retryAfter = null;
        try {
            Answer answer = send(delivery, target, sentAt);
            if (answer.status() >= 200 && answer.status() < 300) {
                outbox.delivered(delivery.sequenceNumber(), owner, attempts, clock.instant());
                metrics.delivered(Duration.between(delivery.eventTime(), clock.instant()));
                return;
            }
            failure = "HTTP " + answer.status();
            retryAfter = answer.retryAfter();
        } catch (RestClientException e) {
            // The I/O exception itself (ConnectException, HttpTimeoutException …) says most; what it wraps is the client's detail.
            failure = (e.getCause() == null ? e : e.getCause()).getClass().getName();
        }
        Instant now = clock.instant();
        boolean gaveUp = attempts >= properties.maxAttempts();
        if (gaveUp) {
            outbox.dead(delivery.sequenceNumber(), owner, attempts, now, failure);
            log.warn("Webhook delivery {} of event {} to subscription {} is a dead letter after {} attempts; last: {}",
                    delivery.deliveryId(), delivery.eventId(), delivery.subscriptionId(), attempts, failure);
        } else {
            outbox.retryLater(delivery.sequenceNumber(), owner, attempts, retries.nextAttempt(now, attempts, retryAfter),
                    failure);
        }
        metrics.failed(gaveUp);
    }

    private Answer send(OutboxDelivery delivery, SubscriptionTable.Target target, Instant sentAt) {
        String signature;
        try {
            signature = new Webhook(target.secret()).sign(delivery.eventId(), sentAt.getEpochSecond(), delivery.body());
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("Cannot sign webhooks with the secret of " + delivery.subscriptionId(), e);
        }
        return http.post().uri(target.url())
                .contentType(CLOUD_EVENTS)
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(sentAt.getEpochSecond()))
                .header("webhook-signature", signature)
                .body(delivery.body().getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        response.getHeaders().getFirst("Retry-After")));
    }
}
