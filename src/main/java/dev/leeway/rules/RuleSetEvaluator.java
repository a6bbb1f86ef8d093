package dev.leeway.rules;

import dev.leeway.decision.DecisionEngine;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.decision.Evaluation;
import dev.leeway.decision.RunawayRuleSetException;
import dev.leeway.facts.ServiceCase;
import dev.leeway.terms.CaseReader;
import dev.leeway.terms.UnknownTermsException;
import dev.leeway.vocabulary.DecisionDraft;
import java.time.Instant;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Component;

/**
 * Evaluates a request on a given rule set with a fresh Drools session, so evaluations share
 * nothing but the immutable compiled rules and run concurrently. Used for the active set and for
 * sets that are not active (scenario runs, candidates).
 */
@Component
public class RuleSetEvaluator {

    private final RulesProperties properties;

    public RuleSetEvaluator(RulesProperties properties) {
        this.properties = properties;
    }

    /** An engine that always evaluates on the given set, e.g. a candidate that is not active. */
    public DecisionEngine engineFor(RuleSet ruleSet) {
        return (request, at) -> evaluate(ruleSet, request, at);
    }

    /**
     * Reads the request in the rule set's vocabulary, then runs the rules over it.
     *
     * @throws UnknownTermsException when the request sends a value the vocabulary does not know
     * @throws RunawayRuleSetException when the rules do not come to rest within the firing limit
     */
    public Evaluation evaluate(RuleSet ruleSet, DecisionRequest given, Instant at) {
        DecisionRequest request = CaseReader.read(ruleSet.vocabulary(), given);
        ServiceCase serviceCase = request.serviceCase();
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            DecisionDraft draft = new DecisionDraft(at, serviceCase, properties.businessTimeZone(),
                    ruleSet.calendars(), ruleSet.vocabulary(), new SessionDerivedFacts(session));
            if (ruleSet.bindsVocabulary()) {
                session.setGlobal(RuleSet.VOCABULARY_GLOBAL, draft);
            }
            FiringTrace trace = new FiringTrace(ruleSet.rulesByRule(), draft);
            session.addEventListener(trace);

            session.insert(serviceCase);
            session.insert(serviceCase.customer());
            if (request.actor() != null) {
                session.insert(request.actor());
            }
            if (request.request() != null) {
                session.insert(request.request());
            }
            int limit = properties.maxFirings();
            if (session.fireAllRules(limit + 1) > limit) {
                throw new RunawayRuleSetException(ruleSet.version(), limit, trace.busiest(3));
            }
            return new Evaluation(ruleSet.ref(), draft.conclude(), trace.fired(),
                    serviceCase.closed() || serviceCase.solutionConfirmed());
        } finally {
            session.dispose();
        }
    }
}
