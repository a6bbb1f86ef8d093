package dev.leeway.vocabulary;

import dev.leeway.decision.Route;

/** A route a rule proposes: {@code decision.route("SPECIALIST").heldBy("SPECIALIST").inTeam("Product specialists")}. */
public final class RouteDraft {

    private final String step;
    private final boolean escalated;
    private final RuleRef rule;
    private final int sequence;
    private String role;
    private String team;

    RouteDraft(String step, boolean escalated, RuleRef rule, int sequence) {
        this.step = step;
        this.escalated = escalated;
        this.rule = rule;
        this.sequence = sequence;
        this.role = step;
    }

    /** The role that should hold the case at this step (defaults to the step's name). */
    public RouteDraft heldBy(String role) {
        this.role = role;
        return this;
    }

    /** The team that should hold the case. */
    public RouteDraft inTeam(String team) {
        this.team = team;
        return this;
    }

    /** Higher salience wins; between equal saliences the route proposed first wins. */
    boolean outranks(RouteDraft other) {
        if (rule.salience() != other.rule.salience()) {
            return rule.salience() > other.rule.salience();
        }
        return sequence < other.sequence;
    }

    Route toRoute() {
        return new Route(step, role, team, escalated, rule.name());
    }
}
