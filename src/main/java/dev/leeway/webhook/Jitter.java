package dev.leeway.webhook;

import java.util.concurrent.ThreadLocalRandom;

/** Spreads retries out so receivers that come back are not hit by every sender at once; tests choose their own. */
@FunctionalInterface
public interface Jitter {

    /** A number from {@code low} to {@code high}, both included. */
    long between(long low, long high);

    static Jitter random() {
        return (low, high) -> low >= high ? low : ThreadLocalRandom.current().nextLong(low, high + 1);
    }
}
