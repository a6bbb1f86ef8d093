package dev.leeway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;

/**
 * Counts failed authentication per address. Each address has a bucket of {@code limit} failures
 * that refills over {@code per}; an address whose bucket is empty is refused before its
 * credentials are even looked at, so guessing keys from it gets nowhere.
 */
final class FailedAuthentications {

    private final Cache<String, Bucket> buckets;
    private final Bandwidth bandwidth;
    private final TimeMeter time;

    FailedAuthentications(SecurityProperties.FailedAuthentication limits, Clock clock) {
        this.bandwidth = Bandwidth.builder().capacity(limits.limit()).refillGreedy(limits.limit(), limits.per())
                .build();
        this.time = new ClockTimeMeter(clock);
        // An address is forgotten once its bucket would be full again; at most this many are kept.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(limits.per()).maximumSize(100_000)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    void failed(String address) {
        bucket(address).tryConsume(1);
    }

    /** How long the address must wait before it may try again; zero when it may try now. */
    Duration waitBeforeTrying(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(String address) {
        return buckets.get(address, key -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build());
    }

    /** Buckets refill by Leeway's clock, which tests move. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
