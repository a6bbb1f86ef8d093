package dev.leeway.audit;

import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionLog;
import dev.leeway.decision.DecisionMetrics;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.security.Caller;

/** {@code leeway.audit.enabled=false}: decisions are answered without being recorded (for measuring only). */
public class NotRecordedDecisions implements DecisionLog {

    private final DecisionMetrics metrics;

    public NotRecordedDecisions(DecisionMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void record(DecisionRequest request, Decision decision, byte[] answer, Caller caller, Runnable alongside) {
        // Nothing is recorded; what goes beside the record (a watched case's timer) still happens.
        if (alongside != null) {
            alongside.run();
        }
        // Still counted: the decision is answered, and measuring is what this mode is for.
        metrics.recorded(decision);
    }
}
