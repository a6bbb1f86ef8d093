package dev.leeway.vocabulary;

import dev.leeway.decision.Guardrail;
import java.math.BigDecimal;
import java.util.List;

/**
 * A guardrail: {@code decision.forbid("SKIP_STEP").ofStep("VERIFY_IDENTITY").reason("…")} or
 * {@code decision.require("FOUR_EYES").forAction("GRANT_COMPENSATION").above(250)}. Guardrails beat
 * every permission and escape, whatever order the rules fired in.
 */
public final class GuardrailDraft {

    static final String FORBID = "FORBID";
    static final String REQUIRE = "REQUIRE";

    private final String effect;
    private final RuleRef rule;
    private String action;
    private String requirement;
    private String step;
    private BigDecimal above;
    private String reason;

    private GuardrailDraft(String effect, RuleRef rule) {
        this.effect = effect;
        this.rule = rule;
    }

    static GuardrailDraft forbidding(String action, RuleRef rule) {
        GuardrailDraft draft = new GuardrailDraft(FORBID, rule);
        draft.action = action;
        return draft;
    }

    static GuardrailDraft requiring(String requirement, RuleRef rule) {
        GuardrailDraft draft = new GuardrailDraft(REQUIRE, rule);
        draft.requirement = requirement;
        return draft;
    }

    public GuardrailDraft forAction(String actionName) {
        this.action = actionName;
        return this;
    }

    public GuardrailDraft ofStep(String stepName) {
        this.step = stepName;
        return this;
    }

    /** Applies only to amounts above this one, in the case currency. */
    public GuardrailDraft above(Number amount) {
        this.above = Amounts.of(amount);
        return this;
    }

    public GuardrailDraft reason(String why) {
        this.reason = why;
        return this;
    }

    Guardrail toGuardrail() {
        if (action == null) {
            throw new RuleConclusionException(rule.name(), "guardrail requiring " + requirement + " names no action");
        }
        return new Guardrail(rule.id(), effect, action, step, above, requirement, reason, List.of(), rule.name());
    }
}
