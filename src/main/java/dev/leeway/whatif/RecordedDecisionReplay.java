package dev.leeway.whatif;

import dev.leeway.audit.DecisionRecord;
import dev.leeway.audit.DecisionRecords;
import dev.leeway.audit.DecisionReplay;
import dev.leeway.audit.StoredRecord;
import dev.leeway.decision.Decider;
import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.rules.Deciders;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Replays one recorded decision: its input at the instant it was evaluated, once on the rule set
 * that decided it (as the audit log keeps it) and once on the candidate. A record that either side
 * cannot decide, e.g. because the candidate's vocabulary no longer knows one of its values, is an
 * outcome with its reason, not a failure of the whole replay.
 */
@Component
class RecordedDecisionReplay {

    private final DecisionRecords records;
    private final DecisionReplay replay;
    private final Deciders deciders;

    RecordedDecisionReplay(DecisionRecords records, DecisionReplay replay, Deciders deciders) {
        this.records = records;
        this.replay = replay;
        this.deciders = deciders;
    }

    SimulationReport.CaseOutcome replay(StoredRecord stored, Decider candidate) {
        try {
            DecisionRecord record = records.read(stored);
            DecisionRequest input = replay.inputAsDecided(record);
            try {
                Decision was = deciders.on(replay.ruleSetOf(record)).decide(input);
                Decision wouldBe = candidate.decide(input);
                List<Change> changes = DecisionDiff.between(was, wouldBe);
                return new SimulationReport.CaseOutcome(stored.recordId(), stored.caseId(), input.at(),
                        stored.ruleSetVersion(), !changes.isEmpty(), changes, null);
            } catch (RuntimeException e) {
                return failed(stored, input, e);
            }
        } catch (RuntimeException unreadable) {
            return failed(stored, null, unreadable);
        }
    }

    private static SimulationReport.CaseOutcome failed(StoredRecord stored, DecisionRequest input, RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SimulationReport.CaseOutcome(stored.recordId(), stored.caseId(),
                input == null ? stored.recordedAt() : input.at(), stored.ruleSetVersion(), false, List.of(), reason);
    }
}
