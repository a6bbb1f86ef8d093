package dev.leeway.vocabulary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A deadline's clock as it stands at the evaluation instant: how much time it has counted, and when
 * it reaches (or reached) a given count. Counts stay exact durations; only the answer rounds them.
 */
final class ClockReading {

    private final CountedTime counted;
    private final List<StatusTimeline.Stretch> running;
    /** What each running stretch counted, in order: walked on a calendar once, read for every instant asked. */
    private final List<Duration> countedIn;
    private final Duration elapsed;
    private final boolean runsNow;
    /** Where the clock would go on counting: the evaluation instant, or the start if that is later. */
    private final Instant resumesAt;

    ClockReading(CountedTime counted, List<StatusTimeline.Stretch> running, boolean runsNow, Instant start, Instant now) {
        this.counted = counted;
        this.running = running;
        this.runsNow = runsNow;
        this.resumesAt = start.isAfter(now) ? start : now;
        this.countedIn = running.stream().map(stretch -> counted.between(stretch.from(), stretch.to())).toList();
        this.elapsed = countedIn.stream().reduce(Duration.ZERO, Duration::plus);
    }

    Duration elapsed() {
        return elapsed;
    }

    boolean runsNow() {
        return runsNow;
    }

    boolean hasReached(Duration count) {
        return elapsed.compareTo(count) >= 0;
    }

    /**
     * When the clock reaches the count: in the past, where the stretches it ran in add up to it; in
     * the future, where it would if it ran on from now without pausing again.
     */
    Instant reaches(Duration count) {
        if (hasReached(count)) {
            Duration before = Duration.ZERO;
            for (int i = 0; i < running.size(); i++) {
                Duration in = countedIn.get(i);
                if (before.plus(in).compareTo(count) >= 0) {
                    return counted.plus(running.get(i).from(), count.minus(before));
                }
                before = before.plus(in);
            }
        }
        return counted.plus(resumesAt, count.minus(elapsed).isNegative() ? Duration.ZERO : count.minus(elapsed));
    }
}
