package dev.leeway.security;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The permission each operation needs, in one table: the filter chain enforces it, and the API
 * description states it. Paths are written as the API description writes them.
 */
public final class EndpointPermissions {

    /** One operation and the permission it needs. */
    public record Guarded(HttpMethod method, String path, Permission permission) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, path);
        }
    }

    public static final List<Guarded> OPERATIONS = List.of(
            new Guarded(HttpMethod.POST, "/api/v1/decisions", Permission.DECIDE),
            new Guarded(HttpMethod.POST, "/api/v1/decisions/{decisionId}/escapes/{escapeId}/invocations",
                    Permission.DECIDE),
            new Guarded(HttpMethod.PUT, "/api/v1/cases/{caseId}", Permission.DECIDE),
            new Guarded(HttpMethod.GET, "/api/v1/cases/{caseId}", Permission.DECIDE),
            new Guarded(HttpMethod.DELETE, "/api/v1/cases/{caseId}", Permission.DECIDE),
            new Guarded(HttpMethod.GET, "/api/v1/rules", Permission.RULES_READ),
            new Guarded(HttpMethod.GET, "/api/v1/rules/history", Permission.RULES_READ),
            new Guarded(HttpMethod.GET, "/api/v1/rules/coverage", Permission.RULES_READ),
            new Guarded(HttpMethod.POST, "/api/v1/rules/validate", Permission.RULES_WRITE),
            new Guarded(HttpMethod.POST, "/api/v1/rules/simulate", Permission.RULES_WRITE),
            // Replaying recorded decisions also needs audit:read, which the controllers check: one
            // permission per operation here. Following a run and exporting it name recorded cases.
            new Guarded(HttpMethod.POST, "/api/v1/rules/simulations", Permission.RULES_WRITE),
            new Guarded(HttpMethod.GET, "/api/v1/rules/simulations/{simulationId}", Permission.AUDIT_READ),
            new Guarded(HttpMethod.POST, "/api/v1/rules/simulations/{simulationId}/cancel", Permission.RULES_WRITE),
            new Guarded(HttpMethod.GET, "/api/v1/rules/simulations/{simulationId}/changes", Permission.AUDIT_READ),
            new Guarded(HttpMethod.POST, "/api/v1/rules/reload", Permission.RULES_WRITE),
            new Guarded(HttpMethod.POST, "/api/v1/rules/shadow", Permission.RULES_WRITE),
            new Guarded(HttpMethod.GET, "/api/v1/rules/shadow", Permission.RULES_READ),
            new Guarded(HttpMethod.GET, "/api/v1/rules/shadow/differences", Permission.RULES_READ),
            new Guarded(HttpMethod.POST, "/api/v1/rules/shadow/promote", Permission.RULES_WRITE),
            new Guarded(HttpMethod.DELETE, "/api/v1/rules/shadow", Permission.RULES_WRITE),
            new Guarded(HttpMethod.GET, "/api/v1/audit/decisions", Permission.AUDIT_READ),
            new Guarded(HttpMethod.GET, "/api/v1/audit/decisions/{id}", Permission.AUDIT_READ),
            new Guarded(HttpMethod.GET, "/api/v1/audit/decisions/{id}/replay", Permission.AUDIT_READ),
            new Guarded(HttpMethod.GET, "/api/v1/audit/export", Permission.AUDIT_READ),
            new Guarded(HttpMethod.GET, "/api/v1/audit/verify", Permission.AUDIT_READ),
            new Guarded(HttpMethod.POST, "/api/v1/audit/verifications", Permission.AUDIT_READ),
            new Guarded(HttpMethod.GET, "/api/v1/audit/verifications", Permission.AUDIT_READ),
            new Guarded(HttpMethod.GET, "/api/v1/audit/verifications/{verificationId}", Permission.AUDIT_READ),
            new Guarded(HttpMethod.GET, "/api/v1/audit/escapes", Permission.AUDIT_READ),
            new Guarded(HttpMethod.GET, "/api/v1/audit/escape-uses", Permission.AUDIT_READ),
            new Guarded(HttpMethod.POST, "/api/v1/audit/escapes/{invocationId}/review", Permission.ESCAPES_REVIEW),
            new Guarded(HttpMethod.GET, "/api/v1/webhooks/subscriptions", Permission.OPS),
            new Guarded(HttpMethod.POST, "/api/v1/webhooks/subscriptions", Permission.OPS),
            new Guarded(HttpMethod.DELETE, "/api/v1/webhooks/subscriptions/{id}", Permission.OPS),
            new Guarded(HttpMethod.GET, "/api/v1/webhooks/dead-letters", Permission.OPS),
            new Guarded(HttpMethod.POST, "/api/v1/webhooks/dead-letters/{deliveryId}/replay", Permission.OPS));

    /** Open to anyone: probes for load balancers and orchestrators, and the API description itself. */
    static final List<String> PUBLIC = List.of("/actuator/health/liveness", "/actuator/health/readiness",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error");

    /** Any authenticated caller: the overall health (with its details) and build information. */
    static final List<String> ANY_CALLER = List.of("/actuator/health", "/actuator/health/**", "/actuator/info");

    /** Everything else the actuator serves needs {@link Permission#OPS}. */
    static final String ACTUATOR = "/actuator/**";

    private EndpointPermissions() {}

    /** The permission the request needs, if it is one of the guarded operations or the actuator's. */
    static Optional<Permission> requiredFor(HttpServletRequest request) {
        for (Guarded operation : OPERATIONS) {
            if (operation.matcher().matches(request)) {
                return Optional.of(operation.permission());
            }
        }
        return PathPatternRequestMatcher.withDefaults().matcher(ACTUATOR).matches(request)
                ? Optional.of(Permission.OPS) : Optional.empty();
    }
}
