package dev.leeway.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * What operators see of the audit log's batched writes, whichever way a store batches them:
 * {@code leeway.audit.batch.size} (records per commit), {@code leeway.audit.commit} (time to append
 * and commit a batch) and {@code leeway.audit.queue} (records waiting to be committed).
 */
record BatchMetrics(DistributionSummary batchSizes, Timer commits) {

    static BatchMetrics register(MeterRegistry meters, Supplier<Number> waiting) {
        Gauge.builder("leeway.audit.queue", waiting)
                .description("audit records waiting for the writer").baseUnit("records").register(meters);
        return new BatchMetrics(
                DistributionSummary.builder("leeway.audit.batch.size")
                        .description("audit records appended in one commit").baseUnit("records").register(meters),
                Timer.builder("leeway.audit.commit")
                        .description("time to append and commit one batch of audit records").register(meters));
    }

    /** Counts a committed batch of {@code records} that took {@code timing} since it started. */
    void committed(int records, Timer.Sample timing) {
        timing.stop(commits);
        batchSizes.record(records);
    }
}
