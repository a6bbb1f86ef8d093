package dev.leeway.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code rules} component of {@code /actuator/health}: UP when a rule set serves and the last
 * change was accepted; DEGRADED when the last good set serves but a newer candidate was refused
 * (with the reasons); DOWN when no rule set serves at all.
 */
@Component("rules")
public class RulesHealth implements HealthIndicator {

    /** Serving, but not what is on disk: someone's change did not take. */
    public static final Status DEGRADED = new Status("DEGRADED", "the last good rule set serves; a newer one was refused");

    private final ActiveRuleSet active;

    public RulesHealth(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public Health health() {
        Health.Builder health = active.current()
                .map(set -> (active.lastRejection().isPresent() ? Health.status(DEGRADED) : Health.up())
                        .withDetail("version", set.version())
                        .withDetail("loadedAt", set.loadedAt().toString())
                        .withDetail("rules", set.rules().size()))
                .orElseGet(Health::down);
        active.lastRejection().ifPresent(rejection -> {
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("version", rejection.version());
            refused.put("at", rejection.at().toString());
            refused.put("trigger", rejection.trigger());
            refused.put("problems", rejection.problems().stream().map(RuleProblem::toString).toList());
            health.withDetail("refused", refused);
        });
        return health.build();
    }
}
