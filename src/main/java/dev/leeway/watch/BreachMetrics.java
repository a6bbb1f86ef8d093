package dev.leeway.watch;

import dev.leeway.event.CaseEvent;
import dev.leeway.event.CaseEventsRecorded;
import dev.leeway.event.EventType;
import dev.leeway.metrics.CappedCounters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code leeway.deadlines.breached} (by deadline kind): a watched case's {@code deadline.breached}
 * event, which it brings once per breach. Plain API decisions are not counted: a helpdesk asking
 * again about a case whose deadline has passed would count the same breach again.
 */
@Component
class BreachMetrics {

    private final CappedCounters breached;

    BreachMetrics(MeterRegistry meters) {
        breached = new CappedCounters(meters, "leeway.deadlines.breached",
                "Deadlines of watched cases newly passed", "kind");
    }

    /**
     * After the audit append's transaction commits, so a refused record (the case was sent again
     * meanwhile) counts nothing; without a transaction (the audit log off) at once.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void recorded(CaseEventsRecorded recorded) {
        for (CaseEvent event : recorded.events()) {
            if (event.type() == EventType.DEADLINE_BREACHED && event.data() instanceof WatchEventData data) {
                breached.increment(data.kind());
            }
        }
    }
}
