package dev.leeway.decision;

import dev.leeway.facts.ActionRequest;
import dev.leeway.facts.Actor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "may this actor do this now?" from the permissions, escapes and guardrails of a decision.
 * A forbidding guardrail denies whatever else allows it. Otherwise the permission or escape that
 * lets the actor act soonest grants it — first one that waits for nobody else's approval, then the
 * one with fewest conditions — and every guardrail requirement that applies is added.
 */
final class VerdictJudge {

    private VerdictJudge() {}

    /** A permission or escape that would let the actor go ahead. */
    private record Grant(List<String> conditions, String because) {

        /** Conditions that make the actor wait for another person before acting. */
        long waitsForOthers() {
            return conditions.stream()
                    .filter(condition -> condition.startsWith("APPROVAL") || condition.equals("FOUR_EYES"))
                    .count();
        }
    }

    private static final Comparator<Grant> SOONEST = Comparator.comparingLong(Grant::waitsForOthers)
            .thenComparingInt(grant -> grant.conditions().size());

    static Verdict judge(ActionRequest request, Actor actor, List<Permission> permissions, List<Escape> escapes,
            List<Guardrail> guardrails) {
        List<String> roles = actor == null ? List.of() : actor.roles();
        BigDecimal amount = request.amount() == null ? BigDecimal.ZERO : request.amount();

        List<String> forbiddenBy = guardrails.stream()
                .filter(g -> "FORBID".equals(g.effect()) && applies(g, request, amount))
                .map(Guardrail::because)
                .toList();
        if (!forbiddenBy.isEmpty()) {
            return new Verdict(false, List.of(), forbiddenBy);
        }

        List<Grant> grants = new ArrayList<>();
        for (Permission permission : permissions) {
            if (permission.action().equals(request.action())
                    && sameStep(permission.step(), request.step())
                    && (permission.roles().isEmpty() || sharesRole(permission.roles(), roles))
                    && withinLimit(permission.limit(), amount)) {
                grants.add(new Grant(permission.conditions(), permission.because()));
            }
        }
        for (Escape escape : escapes) {
            if (sharesRole(escape.allowedRoles(), roles) && escapeCovers(escape, request, amount)) {
                grants.add(new Grant(escape.requires(), escape.because()));
            }
        }
        Optional<Grant> easiest = grants.stream().min(SOONEST);
        if (easiest.isEmpty()) {
            return new Verdict(false, List.of(), List.of(nothingPermits(request, roles, amount)));
        }

        Set<String> conditions = new LinkedHashSet<>(easiest.get().conditions());
        List<String> because = new ArrayList<>(List.of(easiest.get().because()));
        for (Guardrail guardrail : guardrails) {
            if ("REQUIRE".equals(guardrail.effect()) && applies(guardrail, request, amount)) {
                conditions.add(guardrail.requirement());
                because.add(guardrail.because());
            }
        }
        return new Verdict(true, List.copyOf(conditions), List.copyOf(because));
    }

    private static boolean applies(Guardrail guardrail, ActionRequest request, BigDecimal amount) {
        return guardrail.action().equals(request.action())
                && (guardrail.step() == null || guardrail.step().equals(request.step()))
                && (guardrail.above() == null || amount.compareTo(guardrail.above()) > 0);
    }

    private static boolean escapeCovers(Escape escape, ActionRequest request, BigDecimal amount) {
        if (GuardrailEnforcement.SKIP_STEP.equals(request.action())) {
            return request.step() != null && escape.skips().contains(request.step());
        }
        Object max = escape.limits().get("maxAmount");
        return escape.actions().contains(request.action())
                && (!(max instanceof BigDecimal maxAmount) || amount.compareTo(maxAmount) <= 0);
    }

    private static boolean sharesRole(List<String> allowed, List<String> held) {
        return allowed.stream().anyMatch(held::contains);
    }

    private static boolean sameStep(String permitted, String requested) {
        return permitted == null || Objects.equals(permitted, requested);
    }

    private static boolean withinLimit(BigDecimal limit, BigDecimal amount) {
        return limit == null || amount.compareTo(limit) <= 0;
    }

    private static String nothingPermits(ActionRequest request, List<String> roles, BigDecimal amount) {
        String what = request.action()
                + (request.step() == null ? "" : " of step " + request.step())
                + (request.amount() == null ? "" : " for " + amount.toPlainString());
        return "no permission or escape lets roles " + roles + " " + what;
    }
}
