package dev.leeway.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Accepts a bearer token that is one of the {@link ApiKeys}. A token shaped like a JWT that is no
 * key is left to the JWT provider, where one is configured.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;
    private final boolean jwtsAccepted;

    ApiKeyAuthenticationProvider(ApiKeys keys, boolean jwtsAccepted) {
        this.keys = keys;
        this.jwtsAccepted = jwtsAccepted;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return keys.authenticate(token).<Authentication>map(CallerAuthentication::new).orElseGet(() -> {
            if (jwtsAccepted && looksLikeJwt(token)) {
                return null;
            }
            throw new InvalidBearerTokenException("No API key has this key's hash"
                    + (jwtsAccepted ? ", and it is not a JWT" : ""));
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A compact JWS: three base64url parts separated by dots. */
    private static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
