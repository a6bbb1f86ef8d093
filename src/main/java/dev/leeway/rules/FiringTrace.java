package dev.leeway.rules;

import dev.leeway.decision.FiredRule;
import dev.leeway.vocabulary.DecisionDraft;
import dev.leeway.vocabulary.RuleRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Records every rule firing in order and tells the vocabulary which rule is concluding, so that
 * rule files never have to name themselves, and when it has concluded.
 */
final class FiringTrace extends DefaultAgendaEventListener {

    private final Map<Rule, RuleRef> rulesByRule;
    private final DecisionDraft draft;
    private final List<FiredRule> fired = new ArrayList<>();

    FiringTrace(Map<Rule, RuleRef> rulesByRule, DecisionDraft draft) {
        this.rulesByRule = rulesByRule;
        this.draft = draft;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        RuleRef ref = refOf(event.getMatch().getRule());
        draft.ruleFiring(ref);
        fired.add(new FiredRule(fired.size() + 1, ref.name(), ref.id(), ref.file()));
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        draft.ruleConcluded(refOf(event.getMatch().getRule()));
    }

    private RuleRef refOf(Rule rule) {
        RuleRef ref = rulesByRule.get(rule);
        return ref == null ? new RuleRef(rule.getName(), null, null, 0) : ref;
    }

    List<FiredRule> fired() {
        return fired;
    }

    /** The rules that fired most often, busiest first: where a loop is to be found. */
    List<String> busiest(int howMany) {
        Map<String, Integer> counts = new HashMap<>();
        fired.forEach(rule -> counts.merge(rule.rule(), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(howMany)
                .map(entry -> entry.getKey() + " (" + entry.getValue() + "x)")
                .toList();
    }
}
