package dev.leeway.whatif;

import dev.leeway.decision.Decision;
import dev.leeway.decision.Escape;
import dev.leeway.decision.Obligation;
import dev.leeway.decision.Route;
import dev.leeway.decision.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Says what a helpdesk would notice between two decisions for the same input, per aspect: route,
 * deadlines, escapes, verdict, obligations. What-if runs and shadow rule sets report the same aspects.
 */
public final class DecisionDiff {

    private DecisionDiff() {}

    public static List<Change> between(Decision before, Decision after) {
        List<Change> changes = new ArrayList<>();
        compare(changes, "route", route(before.route()), route(after.route()));
        compare(changes, "deadlines", deadlines(before), deadlines(after));
        compare(changes, "escapes", escapes(before), escapes(after));
        compare(changes, "verdict", verdict(before.verdict()), verdict(after.verdict()));
        compare(changes, "obligations", obligations(before), obligations(after));
        return changes;
    }

    private static void compare(List<Change> changes, String aspect, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(aspect, before, after));
        }
    }

    private static String route(Route route) {
        if (route == null) {
            return "none";
        }
        return route.step() + " held by " + route.role() + (route.team() == null ? "" : " (" + route.team() + ")")
                + (route.escalated() ? ", escalated" : "");
    }

    /** Each deadline's kind, due instant and who takes over: what a helpdesk's timers would show. */
    private static String deadlines(Decision decision) {
        return decision.deadlines().stream()
                .map(deadline -> deadline.kind() + " due " + deadline.due()
                        + (deadline.escalateTo() == null ? "" : " to " + deadline.escalateTo()))
                .sorted().toList().toString();
    }

    private static String escapes(Decision decision) {
        return decision.escapes().stream().map(Escape::id).sorted().toList().toString();
    }

    private static String verdict(Verdict verdict) {
        if (verdict == null) {
            return "none";
        }
        return (verdict.allowed() ? "allowed" : "denied")
                + (verdict.conditions().isEmpty() ? "" : " provided " + verdict.conditions());
    }

    private static String obligations(Decision decision) {
        return decision.obligations().stream().map(Obligation::kind).sorted().toList().toString();
    }
}
