package dev.leeway.vocabulary;

import dev.leeway.decision.Escape;
import dev.leeway.decision.Review;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An escape a rule offers, e.g.
 * {@code decision.escape("repeat-contact").titled("…").skip("TIER1_SCRIPT").allow("AGENT").requireJustification()}.
 * The charter's principle "escapes are bounded and visible" is enforced when the decision is
 * concluded: an escape must name who may use it, what it skips or lets them do, and must ask for a
 * justification, a notification, four eyes or a review.
 */
public final class EscapeDraft {

    private final String id;
    private final RuleRef rule;
    private String title;
    private final Set<String> skips = new LinkedHashSet<>();
    private final Set<String> actions = new LinkedHashSet<>();
    private final Set<String> allowedRoles = new LinkedHashSet<>();
    private final Map<String, Object> limits = new LinkedHashMap<>();
    private final Set<String> requires = new LinkedHashSet<>();
    private Review review;

    EscapeDraft(String id, RuleRef rule) {
        this.id = id;
        this.rule = rule;
        this.title = id;
    }

    public EscapeDraft titled(String title) {
        this.title = title;
        return this;
    }

    /** Steps that may be skipped. */
    public EscapeDraft skip(String... steps) {
        skips.addAll(List.of(steps));
        return this;
    }

    /** An action the escape lets its user take beyond the normal permissions. */
    public EscapeDraft lets(String action) {
        actions.add(action);
        return this;
    }

    /** Roles that may use the escape. */
    public EscapeDraft allow(String... roles) {
        allowedRoles.addAll(List.of(roles));
        return this;
    }

    /** The largest amount, in the case currency, the escape's actions may reach. */
    public EscapeDraft upTo(Number maxAmount) {
        return limit("maxAmount", Amounts.of(maxAmount));
    }

    public EscapeDraft limit(String name, Object value) {
        limits.put(name, value instanceof Number number ? Amounts.of(number) : value);
        return this;
    }

    public EscapeDraft requireJustification() {
        return require("JUSTIFICATION");
    }

    public EscapeDraft requireFourEyes() {
        return require("FOUR_EYES");
    }

    public EscapeDraft notify(String role) {
        return require("NOTIFY:" + role);
    }

    public EscapeDraft require(String requirement) {
        requires.add(requirement);
        return this;
    }

    /** Who looks at each use of the escape afterwards. */
    public EscapeDraft reviewedAfterwardsBy(String role) {
        this.review = new Review(role, "AFTER_USE");
        return this;
    }

    String id() {
        return id;
    }

    Escape toEscape() {
        if (allowedRoles.isEmpty()) {
            throw new RuleConclusionException(rule.name(), "escape " + id + " names no role that may use it");
        }
        if (skips.isEmpty() && actions.isEmpty()) {
            throw new RuleConclusionException(rule.name(), "escape " + id + " neither skips a step nor lets an action");
        }
        if (requires.isEmpty() && review == null) {
            throw new RuleConclusionException(rule.name(),
                    "escape " + id + " would be silent: require a justification, a notification, four eyes or a review");
        }
        return new Escape(id, title, List.copyOf(skips), List.copyOf(actions), List.copyOf(allowedRoles),
                Map.copyOf(new LinkedHashMap<>(limits)), List.copyOf(requires), review, rule.name());
    }
}
