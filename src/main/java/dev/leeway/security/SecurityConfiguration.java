package dev.leeway.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * No caller is trusted by default: every operation needs an API key or, where an identity
 * provider is configured, a JWT, and the permission {@link EndpointPermissions} names for it.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    ApiKeys apiKeys(SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder, ReviewerRoles reviewerRoles) {
        if (!properties.apiKeys().isEmpty()) {
            return ApiKeys.configured(properties.apiKeys());
        }
        if (jwtDecoder.getIfAvailable() != null) {
            return new ApiKeys(List.of());
        }
        return BootstrapKeys.from(properties.bootstrapKeysFile(), reviewerRoles);
    }

    @Bean
    FailedAuthentications failedAuthentications(SecurityProperties properties, Clock clock) {
        return new FailedAuthentications(properties.failedAuthentication(), clock);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ObjectProvider<JwtDecoder> jwtDecoder,
            SecurityProperties properties, FailedAuthentications failures, JsonMapper json,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) throws Exception {
        AuthenticationManager callers = callers(keys, jwtDecoder.getIfAvailable(), properties);
        ProblemResponses problems = new ProblemResponses(failures, json);
        http
                .csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing a forged request could ride on
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(bearer -> bearer
                        .authenticationManagerResolver(request -> callers)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> describe(resource, issuer))))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new FailedAuthenticationThrottle(failures, problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointPermissions.PUBLIC.toArray(String[]::new)).permitAll();
                    requests.requestMatchers(EndpointPermissions.ANY_CALLER.toArray(String[]::new)).authenticated();
                    EndpointPermissions.OPERATIONS.forEach(operation ->
                            requests.requestMatchers(operation.matcher()).hasAuthority(operation.permission().scope()));
                    requests.requestMatchers(EndpointPermissions.ACTUATOR).hasAuthority(Permission.OPS.scope());
                    // Any caller learns that an unknown path is 404 and a wrong method 405; an operation
                    // missing from the table fails EveryOperationIsGuardedTest rather than open here.
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    /** RFC 9728's description of this resource, served at /.well-known/oauth-protected-resource. */
    private static void describe(OAuth2ProtectedResourceMetadata.Builder resource, String issuer) {
        resource.resourceName("Leeway").tlsClientCertificateBoundAccessTokens(false)
                .scopes(scopes -> Arrays.stream(Permission.values()).map(Permission::scope).forEach(scopes::add));
        if (!issuer.isBlank()) {
            resource.authorizationServer(issuer);
        }
    }

    private static AuthenticationManager callers(ApiKeys keys, JwtDecoder jwtDecoder, SecurityProperties properties) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new ApiKeyAuthenticationProvider(keys, jwtDecoder != null));
        if (jwtDecoder != null) {
            JwtAuthenticationProvider jwts = new JwtAuthenticationProvider(jwtDecoder);
            jwts.setJwtAuthenticationConverter(new JwtCallers(properties.jwt()));
            providers.add(jwts);
        }
        ProviderManager manager = new ProviderManager(providers);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }
}
