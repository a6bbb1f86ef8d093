package dev.leeway.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;

/**
 * Who is calling, as authenticated: an API key's name, or a JWT's subject and issuer; what it may
 * do; and the staff roles it holds (which decide, for example, whose escape uses it may review).
 *
 * @param name the API key's name, or the JWT's subject
 * @param issuer the JWT's issuer; null for an API key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Caller(String name, String issuer, @JsonIgnore Set<Permission> permissions,
        @JsonIgnore Set<String> staffRoles) {

    public Caller {
        permissions = Set.copyOf(permissions);
        staffRoles = Set.copyOf(staffRoles);
    }

    /** How records and logs name the caller: the key's name, or {@code subject (issuer)}. */
    @Override
    public String toString() {
        return issuer == null ? name : name + " (" + issuer + ")";
    }
}
