package dev.leeway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Labels whose values come from rule files stay bounded, however many values the rule sets bring. */
class CappedCountersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CappedCounters steps = new CappedCounters(meters, "leeway.decisions", "test",
            Tags.of("escalated", "false"), "step", 2);

    @Test
    void valuesPastTheCapAreCountedAsOtherAndMakeNoNewSeries() {
        steps.increment("TIER1_SCRIPT");
        steps.increment("SPECIALIST");
        steps.increment("SPECIALIST");
        steps.increment("THIRD_STEP");
        steps.increment("FOURTH_STEP");

        assertThat(count("TIER1_SCRIPT")).isEqualTo(1.0);
        assertThat(count("SPECIALIST")).isEqualTo(2.0);
        assertThat(count("other")).isEqualTo(2.0);
        assertThat(meters.find("leeway.decisions").counters()).hasSize(3);
    }

    @Test
    void aMissingValueIsCountedAsNone() {
        steps.increment(null);

        assertThat(count("none")).isEqualTo(1.0);
    }

    private double count(String step) {
        Counter counter = meters.find("leeway.decisions").tags("step", step, "escalated", "false").counter();
        return counter == null ? 0 : counter.count();
    }
}
