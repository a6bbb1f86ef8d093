package dev.leeway.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies guardrails to the escapes the rules offered: forbid always beats permit, so an escape
 * that would do something a guardrail forbids is withdrawn, and a guardrail's requirement is added
 * to every escape it covers. Independent of rule firing order.
 */
final class GuardrailEnforcement {

    static final String SKIP_STEP = "SKIP_STEP";

    private GuardrailEnforcement() {}

    /** The escapes and guardrails as they stand once every guardrail has been applied. */
    record Outcome(List<Escape> escapes, List<Guardrail> guardrails) {}

    static Outcome apply(List<Escape> offered, List<Guardrail> guardrails) {
        List<Escape> escapes = new ArrayList<>(offered);
        List<Guardrail> applied = new ArrayList<>();
        for (Guardrail guardrail : guardrails) {
            List<String> blocked = new ArrayList<>();
            List<Escape> next = new ArrayList<>();
            for (Escape escape : escapes) {
                if (!covers(guardrail, escape)) {
                    next.add(escape);
                } else if ("FORBID".equals(guardrail.effect())) {
                    blocked.add(escape.id());
                } else {
                    next.add(withRequirement(escape, guardrail.requirement()));
                }
            }
            escapes = next;
            applied.add(new Guardrail(guardrail.id(), guardrail.effect(), guardrail.action(), guardrail.step(),
                    guardrail.above(), guardrail.requirement(), guardrail.reason(), blocked, guardrail.because()));
        }
        return new Outcome(List.copyOf(escapes), List.copyOf(applied));
    }

    private static boolean covers(Guardrail guardrail, Escape escape) {
        if (SKIP_STEP.equals(guardrail.action())) {
            return guardrail.step() == null ? !escape.skips().isEmpty() : escape.skips().contains(guardrail.step());
        }
        return escape.actions().contains(guardrail.action()) && reachesAbove(escape, guardrail.above());
    }

    private static boolean reachesAbove(Escape escape, BigDecimal threshold) {
        if (threshold == null) {
            return true;
        }
        Object max = escape.limits().get("maxAmount");
        return !(max instanceof BigDecimal maxAmount) || maxAmount.compareTo(threshold) > 0;
    }

    private static Escape withRequirement(Escape escape, String requirement) {
        Set<String> requires = new LinkedHashSet<>(escape.requires());
        requires.add(requirement);
        return new Escape(escape.id(), escape.title(), escape.skips(), escape.actions(), escape.allowedRoles(),
                escape.limits(), List.copyOf(requires), escape.review(), escape.because());
    }
}
