package dev.leeway.security;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a caller may do, granted per API key or as JWT scopes. Each guards a group of operations
 * (see {@link EndpointPermissions}); a caller holds only the ones its job needs.
 */
public enum Permission implements GrantedAuthority {

    /** Decide cases and use the escapes a decision offered. */
    DECIDE("decide"),
    /** See the active rule set and its history. */
    RULES_READ("rules:read"),
    /** Validate, simulate and reload rule sets. */
    RULES_WRITE("rules:write"),
    /** Read the audit log: listings, records, replay, export, verification, escape uses, the review queue. */
    AUDIT_READ("audit:read"),
    /** Review uses of escapes. */
    ESCAPES_REVIEW("escapes:review"),
    /** Actuator endpoints beyond health and info; webhook subscriptions and dead letters. */
    OPS("ops");

    private final String scope;

    Permission(String scope) {
        this.scope = scope;
    }

    /** The name configuration, JWT scopes and the API description use, e.g. {@code rules:read}. */
    public String scope() {
        return scope;
    }

    @Override
    public String getAuthority() {
        return scope;
    }

    @Override
    public String toString() {
        return scope;
    }

    public static Optional<Permission> ofScope(String scope) {
        return Arrays.stream(values()).filter(permission -> permission.scope.equals(scope)).findFirst();
    }

    /** The permission a configured name stands for; refuses a misspelt one rather than grant nothing silently. */
    public static Permission named(String scope) {
        return ofScope(scope).orElseThrow(() -> new IllegalArgumentException("\"" + scope
                + "\" is not a permission; permissions are " + Arrays.toString(values())));
    }
}
