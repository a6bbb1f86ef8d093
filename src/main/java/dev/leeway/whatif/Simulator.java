package dev.leeway.whatif;

import dev.leeway.audit.StoredRecord;
import dev.leeway.decision.Decider;
import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.problem.InvalidParameterException;
import dev.leeway.rules.ActiveRuleSet;
import dev.leeway.rules.CandidateChange;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetCandidate;
import dev.leeway.rules.Deciders;
import dev.leeway.rules.RuleSetValidator;
import dev.leeway.rules.RulesProperties;
import dev.leeway.rules.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Replays inputs through the active rule set and a candidate, or recorded decisions through the
 * rule sets that made them and a candidate, each at the instant it was originally decided, and
 * reports what would change. Nothing is activated.
 */
@Component
public class Simulator {

    private final ActiveRuleSet active;
    private final RuleSetValidator validator;
    private final Deciders deciders;
    private final RulesProperties properties;
    private final SimulationProperties simulation;
    private final RecordedWindow window;
    private final RecordedDecisionReplay recorded;
    private final Clock clock;

    public Simulator(ActiveRuleSet active, RuleSetValidator validator, Deciders deciders, RulesProperties properties,
            SimulationProperties simulation, RecordedWindow window, RecordedDecisionReplay recorded, Clock clock) {
        this.active = active;
        this.validator = validator;
        this.deciders = deciders;
        this.properties = properties;
        this.simulation = simulation;
        this.window = window;
        this.recorded = recorded;
        this.clock = clock;
    }

    /** @throws CandidateNotCompilableException when there is nothing to replay on */
    CompiledCandidate compile(CandidateChange change) {
        RuleSetCandidate candidate = change.applyTo(RuleSetCandidate.fromDirectory(properties.directory()));
        Validation validation = validator.validate(candidate);
        if (validation.ruleSet() == null) {
            throw new CandidateNotCompilableException(validation.problems());
        }
        return new CompiledCandidate(validation.version(), validation.ruleSet(), validation.problems());
    }

    public SimulationReport simulate(SimulationRequest request) {
        return request.replaysTheLog() ? simulateRecorded(request) : simulateInputs(request);
    }

    private SimulationReport simulateInputs(SimulationRequest request) {
        RuleSet serving = active.require();
        CompiledCandidate candidate = compile(request.change());
        Decider before = deciders.on(serving);
        Decider after = deciders.on(candidate.ruleSet());

        List<SimulationReport.CaseOutcome> cases = new ArrayList<>();
        Map<String, Long> byAspect = new TreeMap<>();
        int changed = 0;
        int failed = 0;
        for (DecisionRequest input : request.inputs()) {
            // Replays must be evaluated where they were decided, not now, or every deadline would move.
            Instant at = input.at() == null ? clock.instant() : input.at();
            DecisionRequest replay = input.at(at);
            String caseId = input.serviceCase().id();
            try {
                Decision was = before.decide(replay);
                Decision wouldBe = after.decide(replay);
                List<Change> changes = DecisionDiff.between(was, wouldBe);
                changes.forEach(change -> byAspect.merge(change.aspect(), 1L, Long::sum));
                changed += changes.isEmpty() ? 0 : 1;
                cases.add(new SimulationReport.CaseOutcome(null, caseId, at, null, !changes.isEmpty(), changes, null));
            } catch (RuntimeException e) {
                failed++;
                cases.add(new SimulationReport.CaseOutcome(null, caseId, at, null, false, List.of(), e.getMessage()));
            }
        }
        int total = request.inputs().size();
        return new SimulationReport(serving.version(), candidate.version(), candidate.problems(),
                new SimulationReport.Totals(total, changed, total - changed - failed, failed, byAspect), cases, null);
    }

    /**
     * A window small enough to replay while the caller waits: at most {@code max-inputs} decisions,
     * read in one query; a larger one is refused, pointing to a background simulation.
     */
    private SimulationReport simulateRecorded(SimulationRequest request) {
        List<StoredRecord> decisions = window.first(request.recorded(), simulation.maxInputs() + 1);
        if (decisions.size() > simulation.maxInputs()) {
            throw new InvalidParameterException("to", "leaves more than " + simulation.maxInputs()
                    + " recorded decisions to replay while the caller waits (leeway.simulation.max-inputs): narrow "
                    + "the window, or start a background simulation with POST /api/v1/rules/simulations");
        }
        CompiledCandidate candidate = compile(request.change());
        Decider after = deciders.on(candidate.ruleSet());
        SimulationTally tally = new SimulationTally(simulation.samples());
        decisions.forEach(decision -> tally.add(recorded.replay(decision, after)));
        return new SimulationReport(null, candidate.version(), candidate.problems(), tally.totals(), tally.samples(),
                tally.sampleLimit());
    }
}
