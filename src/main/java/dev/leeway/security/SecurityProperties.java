package dev.leeway.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code leeway.security}: who may call. With neither API keys nor a JWT issuer configured, Leeway
 * creates one key per audience in {@code bootstrapKeysFile} rather than answer anyone.
 *
 * @param apiKeys keys for systems and people; each stored only as the SHA-256 of the key
 * @param jwt how permissions and staff roles are read from JWTs, where
 *     {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is set
 * @param bootstrapKeysFile where first-start keys are written, readable by the owner only
 * @param failedAuthentication when repeated failures from one address are refused
 */
@ConfigurationProperties("leeway.security")
public record SecurityProperties(
        @DefaultValue List<ApiKey> apiKeys,
        @DefaultValue Jwt jwt,
        @DefaultValue("./data/api-keys.txt") Path bootstrapKeysFile,
        @DefaultValue FailedAuthentication failedAuthentication) {

    /**
     * One API key.
     *
     * @param name who holds it; named in every audit record the key's calls leave
     * @param sha256 the key's SHA-256, 64 hexadecimal digits ({@code printf %s "$KEY" | sha256sum})
     * @param permissions e.g. {@code [decide]} or {@code [audit:read, rules:read]}
     * @param staffRoles the roles of the person holding it, e.g. {@code [PROBLEM_MANAGER]} for a reviewer
     */
    public record ApiKey(String name, String sha256, @DefaultValue List<String> permissions,
            @DefaultValue List<String> staffRoles) {}

    /**
     * @param permissionsClaim the claim holding permissions as scopes (a space-separated string or a list)
     * @param rolesClaim the claim holding staff roles; a dotted path reaches into objects, e.g.
     *     {@code realm_access.roles} for Keycloak's realm roles
     * @param nameClaim the claim that names the person, matched against the actors the helpdesk sends
     */
    public record Jwt(@DefaultValue("scope") String permissionsClaim, @DefaultValue("roles") String rolesClaim,
            @DefaultValue("sub") String nameClaim) {}

    /**
     * @param limit failures from one address before it is refused
     * @param per how long it takes for that many failures to be forgiven
     */
    public record FailedAuthentication(@DefaultValue("10") int limit, @DefaultValue("1m") Duration per) {}
}
