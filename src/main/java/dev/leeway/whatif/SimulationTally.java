package dev.leeway.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of a replay, per aspect, and the first few outcomes that changed or failed: what a replay
 * of any number of recorded decisions keeps in memory, however many it reads.
 */
final class SimulationTally {

    private final int sampleLimit;
    private final List<SimulationReport.CaseOutcome> samples = new ArrayList<>();
    private final Map<String, Long> byAspect = new TreeMap<>();
    private long cases;
    private long changed;
    private long failed;

    SimulationTally(int sampleLimit) {
        this.sampleLimit = sampleLimit;
    }

    /** Counts the outcome; keeps it as a sample while there is room and it is worth showing. */
    synchronized void add(SimulationReport.CaseOutcome outcome) {
        cases++;
        if (outcome.failed()) {
            failed++;
        } else if (outcome.changed()) {
            changed++;
        }
        outcome.changes().forEach(change -> byAspect.merge(change.aspect(), 1L, Long::sum));
        if ((outcome.failed() || outcome.changed()) && samples.size() < sampleLimit) {
            samples.add(outcome);
        }
    }

    synchronized SimulationReport.Totals totals() {
        return new SimulationReport.Totals(cases, changed, cases - changed - failed, failed, new TreeMap<>(byAspect));
    }

    synchronized List<SimulationReport.CaseOutcome> samples() {
        return List.copyOf(samples);
    }

    int sampleLimit() {
        return sampleLimit;
    }
}
