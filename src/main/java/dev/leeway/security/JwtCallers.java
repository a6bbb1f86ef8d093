package dev.leeway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Makes a {@link Caller} of a verified JWT: its name from {@code nameClaim} (the subject by
 * default), permissions from the scopes in {@code permissionsClaim}, staff roles from
 * {@code rolesClaim}. Scopes that are no Leeway permission (openid, profile …) grant nothing.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt claims;

    JwtCallers(SecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Permission> permissions = new LinkedHashSet<>();
        strings(claim(jwt, claims.permissionsClaim())).forEach(scope -> Permission.ofScope(scope).ifPresent(permissions::add));
        Set<String> roles = new LinkedHashSet<>(strings(claim(jwt, claims.rolesClaim())));
        String name = Optional.ofNullable(jwt.getClaimAsString(claims.nameClaim())).orElse(jwt.getSubject());
        String issuer = jwt.getIssuer() == null ? "unknown issuer" : jwt.getIssuer().toString();
        return new CallerAuthentication(new Caller(name, issuer, permissions, roles));
    }

    /** The claim at a dotted path, e.g. {@code realm_access.roles}. */
    private static Object claim(Jwt jwt, String path) {
        Object value = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    /** Scopes come as one space-separated string (RFC 8693) or as a list; roles as a list. */
    private static List<String> strings(Object value) {
        if (value instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
