package dev.leeway.decision;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a decision: runs the rule engine, applies guardrails to the escapes it
 * offered and, when the actor asked about an action, judges it.
 */
@Component
public class Decider {

    private final DecisionEngine engine;
    private final DecisionIds ids;
    private final Clock clock;

    public Decider(DecisionEngine engine, DecisionIds ids, Clock clock) {
        this.engine = engine;
        this.ids = ids;
        this.clock = clock;
    }

    public Decision decide(DecisionRequest request) {
        Instant at = request.at() == null ? clock.instant() : request.at();
        Evaluation evaluation = engine.evaluate(request, at);
        Conclusions conclusions = evaluation.conclusions();
        GuardrailEnforcement.Outcome enforced =
                GuardrailEnforcement.apply(conclusions.escapes(), conclusions.guardrails());
        Verdict verdict = request.request() == null ? null
                : VerdictJudge.judge(request.request(), request.actor(), conclusions.permissions(),
                        enforced.escapes(), enforced.guardrails());
        return new Decision(ids.next(), request.serviceCase().id(), at, evaluation.ruleSet(),
                conclusions.route(), conclusions.deadlines(), enforced.escapes(), conclusions.permissions(),
                enforced.guardrails(), conclusions.obligations(), conclusions.checklist(), conclusions.flags(),
                verdict, evaluation.firedRules(), evaluation.caseEnded());
    }
}
