package dev.leeway.escape;

import dev.leeway.escape.ReviewRequest.Outcome;
import dev.leeway.metrics.CappedCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code leeway.escapes.used} (by escape id) and {@code leeway.escapes.reviewed} (by escape id and
 * outcome {@code approved} or {@code flagged}): counted once the use or review is recorded.
 */
@Component
class EscapeMetrics {

    private final CappedCounters used;
    private final Map<Outcome, CappedCounters> reviewed = new EnumMap<>(Outcome.class);

    EscapeMetrics(MeterRegistry meters) {
        used = new CappedCounters(meters, "leeway.escapes.used", "Recorded uses of escapes", "escape");
        for (Outcome outcome : Outcome.values()) {
            reviewed.put(outcome, new CappedCounters(meters, "leeway.escapes.reviewed",
                    "Recorded reviews of uses of escapes", Tags.of("outcome", outcome.name().toLowerCase(Locale.ROOT)),
                    "escape", CappedCounters.MAX_VALUES));
        }
    }

    void used(String escapeId) {
        used.increment(escapeId);
    }

    void reviewed(String escapeId, Outcome outcome) {
        reviewed.get(outcome).increment(escapeId);
    }
}
