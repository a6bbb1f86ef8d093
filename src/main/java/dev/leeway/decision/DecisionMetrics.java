package dev.leeway.decision;

import dev.leeway.metrics.CappedCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the answered decisions were, for operators: {@code leeway.decisions} (by route step and
 * whether the route escalated), {@code leeway.escapes.offered} (by escape id) and
 * {@code leeway.rules.fired} (each firing, by rule id). Counted by the {@link DecisionLog} once a
 * decision is recorded, so API and watched cases count and scenario runs, replays and what-if
 * runs, which are never recorded, do not.
 */
@Component
public class DecisionMetrics {

    private final CappedCounters escalated;
    private final CappedCounters notEscalated;
    private final CappedCounters offered;
    private final CappedCounters fired;

    public DecisionMetrics(MeterRegistry meters) {
        escalated = decisions(meters, true);
        notEscalated = decisions(meters, false);
        offered = new CappedCounters(meters, "leeway.escapes.offered", "Escapes recorded decisions offered",
                "escape");
        fired = new CappedCounters(meters, "leeway.rules.fired", "Rule firings in recorded decisions", "rule");
    }

    /** Indexed loops rather than streams: this runs for every decision. */
    public void recorded(Decision decision) {
        Route route = decision.route();
        (route != null && route.escalated() ? escalated : notEscalated).increment(route == null ? null : route.step());
        List<Escape> escapes = decision.escapes();
        for (int i = 0; i < escapes.size(); i++) {
            offered.increment(escapes.get(i).id());
        }
        List<FiredRule> rules = decision.firedRules();
        for (int i = 0; i < rules.size(); i++) {
            fired.increment(rules.get(i).id());
        }
    }

    private static CappedCounters decisions(MeterRegistry meters, boolean escalated) {
        return new CappedCounters(meters, "leeway.decisions", "Decisions answered and recorded",
                Tags.of("escalated", Boolean.toString(escalated)), "step", CappedCounters.MAX_VALUES);
    }
}
