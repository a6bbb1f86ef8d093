package dev.leeway.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter between the base and
 * the grown ceiling (never sooner than the base), or later if the receiver's {@code Retry-After} asks.
 */
final class RetryPolicy {

    private final Duration base;
    private final Duration cap;
    private final Jitter jitter;

    RetryPolicy(Duration base, Duration cap, Jitter jitter) {
        this.base = base;
        this.cap = cap.compareTo(base) < 0 ? base : cap;
        this.jitter = jitter;
    }

    /**
     * @param attempts attempts made so far, the failed one included
     * @param retryAfter the receiver's {@code Retry-After}, or null
     */
    Instant nextAttempt(Instant now, int attempts, String retryAfter) {
        long ceiling = base.toMillis();
        for (int i = 1; i < attempts && ceiling < cap.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap.toMillis());
        Duration backoff = Duration.ofMillis(jitter.between(base.toMillis(), ceiling));
        Duration asked = retryAfter(retryAfter, now).orElse(Duration.ZERO);
        return now.plus(asked.compareTo(backoff) > 0 ? asked : backoff);
    }

    /** {@code Retry-After} as seconds or as an HTTP-date (RFC 9110 §10.2.3); empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
