package dev.leeway.audit;

import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionLog;
import dev.leeway.decision.DecisionRequest;

/** {@code leeway.audit.enabled=false}: decisions are answered without being recorded (for measuring only). */
public class NotRecordedDecisions implements DecisionLog {

    @Override
    public void record(DecisionRequest request, Decision decision, byte[] answer, String caller) {
        // deliberately nothing
    }
}
