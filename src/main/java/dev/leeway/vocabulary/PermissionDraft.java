package dev.leeway.vocabulary;

import dev.leeway.decision.Permission;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A permission a rule grants: {@code decision.permit("GRANT_COMPENSATION").to("TEAM_LEAD").upTo(1000)}.
 * Without {@code to(…)} it is for whoever holds the case.
 */
public final class PermissionDraft {

    private final String action;
    private final RuleRef rule;
    private final Set<String> roles = new LinkedHashSet<>();
    private final Set<String> conditions = new LinkedHashSet<>();
    private String step;
    private BigDecimal limit;

    PermissionDraft(String action, RuleRef rule) {
        this.action = action;
        this.rule = rule;
    }

    public PermissionDraft to(String... roleNames) {
        roles.addAll(List.of(roleNames));
        return this;
    }

    public PermissionDraft ofStep(String stepName) {
        this.step = stepName;
        return this;
    }

    public PermissionDraft upTo(Number maxAmount) {
        this.limit = Amounts.of(maxAmount);
        return this;
    }

    /** A condition that must hold for the action to stand, e.g. {@code APPROVAL:TEAM_LEAD}. */
    public PermissionDraft provided(String condition) {
        conditions.add(condition);
        return this;
    }

    Permission toPermission() {
        return new Permission(action, List.copyOf(roles), step, limit, List.copyOf(conditions), rule.name());
    }
}
