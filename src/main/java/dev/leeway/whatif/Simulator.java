package dev.leeway.whatif;

import dev.leeway.decision.Decider;
import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.rules.ActiveRuleSet;
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
 * Replays recorded inputs through the active rule set and a candidate, each at the instant it was
 * originally decided, and reports what would change. Nothing is activated.
 */
@Component
public class Simulator {

    private final ActiveRuleSet active;
    private final RuleSetValidator validator;
    private final Deciders deciders;
    private final RulesProperties properties;
    private final Clock clock;

    public Simulator(ActiveRuleSet active, RuleSetValidator validator, Deciders deciders, RulesProperties properties,
            Clock clock) {
        this.active = active;
        this.validator = validator;
        this.deciders = deciders;
        this.properties = properties;
        this.clock = clock;
    }

    public SimulationReport simulate(SimulationRequest request) {
        RuleSet serving = active.require();
        RuleSetCandidate candidate = request.change().applyTo(RuleSetCandidate.fromDirectory(properties.directory()));
        Validation validation = validator.validate(candidate);
        if (validation.ruleSet() == null) {
            throw new CandidateNotCompilableException(validation.problems());
        }
        Decider before = deciders.on(serving);
        Decider after = deciders.on(validation.ruleSet());

        List<SimulationReport.CaseOutcome> cases = new ArrayList<>();
        Map<String, Integer> byAspect = new TreeMap<>();
        int changed = 0;
        int failed = 0;
        for (DecisionRequest input : request.inputs()) {
            // Replays must be evaluated where they were decided, not now, or every deadline would move.
            Instant at = input.at() == null ? clock.instant() : input.at();
            DecisionRequest replay = input.at(at);
            try {
                Decision was = before.decide(replay);
                Decision wouldBe = after.decide(replay);
                List<Change> changes = DecisionDiff.between(was, wouldBe);
                changes.forEach(change -> byAspect.merge(change.aspect(), 1, Integer::sum));
                changed += changes.isEmpty() ? 0 : 1;
                cases.add(new SimulationReport.CaseOutcome(input.serviceCase().id(), at, !changes.isEmpty(), changes, null));
            } catch (RuntimeException e) {
                failed++;
                cases.add(new SimulationReport.CaseOutcome(input.serviceCase().id(), at, false, List.of(), e.getMessage()));
            }
        }
        int total = request.inputs().size();
        return new SimulationReport(serving.version(), validation.version(), validation.problems(),
                new SimulationReport.Totals(total, changed, total - changed - failed, failed, byAspect), cases);
    }
}
