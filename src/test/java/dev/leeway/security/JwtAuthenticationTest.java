package dev.leeway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * JWTs from an OpenID Connect provider, Keycloak-style: Leeway discovers the provider's keys from
 * its issuer URI, reads permissions from the scopes, the person's name and staff roles from the
 * claims configured, and names subject and issuer in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leeway.security.jwt.roles-claim=realm_access.roles",
        "leeway.security.jwt.name-claim=preferred_username"})
class JwtAuthenticationTest {

    private static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());
    private static final RSAKey SIGNING_KEY = newKey("provider-key");
    private static final RSAKey FORGED_KEY = newKey("provider-key");

    static {
        PROVIDER.start();
        PROVIDER.stubFor(get("/realms/service/.well-known/openid-configuration").willReturn(okJson(
                HttpApi.json(Map.of("issuer", issuer(), "jwks_uri", issuer() + "/protocol/openid-connect/certs",
                        "subject_types_supported", List.of("public"),
                        "id_token_signing_alg_values_supported", List.of("RS256"))))));
        PROVIDER.stubFor(get("/realms/service/protocol/openid-connect/certs")
                .willReturn(okJson(new JWKSet(SIGNING_KEY.toPublicJWK()).toString())));
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", JwtAuthenticationTest::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenWithTheDecideScopeDecidesAndTheRecordNamesItsSubjectAndIssuer() {
        HttpApi api = new HttpApi(port);
        String token = token(claims -> claims.subject("3f1c-uuid").claim("preferred_username", "agent-sso-1")
                .claim("scope", "openid profile decide"));

        Reply decision = api.as(token).postJson("/api/v1/decisions", "{\"case\": {\"id\": \"JWT-1\"}}");

        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        JsonNode record = api.get("/api/v1/audit/decisions/" + decision.json().path("decisionId").asString()).json();
        assertThat(record.path("caller").path("name").asString()).isEqualTo("agent-sso-1");
        assertThat(record.path("caller").path("issuer").asString()).isEqualTo(issuer());
    }

    @Test
    void aReviewerReviewsWithTheRealmRolesOfItsToken() {
        HttpApi api = new HttpApi(port);
        String decisionId = api.decide("{\"case\": {\"id\": \"JWT-REVIEW\", \"contactsAboutSameProblem\": 3}}")
                .path("decisionId").asString();
        String invocationId = api.postJson("/api/v1/decisions/" + decisionId + "/escapes/repeat-contact/invocations",
                "{\"actor\": {\"id\": \"agent-1\", \"roles\": [\"AGENT\"]}}").json().path("invocationId").asString();
        String teamLead = token(claims -> claims.claim("preferred_username", "tl-sso")
                .claim("scope", "escapes:review").claim("realm_access", Map.of("roles", List.of("TEAM_LEAD"))));
        String problemManager = token(claims -> claims.claim("preferred_username", "pm-sso")
                .claim("scope", "escapes:review").claim("realm_access", Map.of("roles", List.of("PROBLEM_MANAGER"))));
        String review = "{\"outcome\": \"APPROVED\", \"note\": \"the script has no branch for this\"}";

        Reply byTeamLead = api.as(teamLead).postJson("/api/v1/audit/escapes/" + invocationId + "/review", review);
        Reply byProblemManager = api.as(problemManager).postJson("/api/v1/audit/escapes/" + invocationId + "/review", review);

        assertThat(byTeamLead.status()).as(byTeamLead.body()).isEqualTo(409);
        assertThat(byProblemManager.status()).as(byProblemManager.body()).isEqualTo(200);
        assertThat(byProblemManager.json().path("reviewedBy").asString()).isEqualTo("pm-sso (" + issuer() + ")");
    }

    @Test
    void aTokenWithoutTheScopeIs403() {
        String token = token(claims -> claims.claim("scope", "openid audit:read"));

        Reply reply = new HttpApi(port).as(token).postJson("/api/v1/decisions", "{\"case\": {\"id\": \"JWT-2\"}}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("detail").asString()).contains("decide");
    }

    @Test
    void anExpiredForgedOrForeignTokenIs401() {
        HttpApi api = new HttpApi(port);
        String expired = token(claims -> claims.claim("scope", "decide")
                .expirationTime(Date.from(Instant.now().minusSeconds(600))));
        String forged = sign(FORGED_KEY, claims(claims -> claims.claim("scope", "decide")));
        String foreign = token(claims -> claims.claim("scope", "decide").issuer("https://elsewhere.example/realms/x"));

        for (String token : List.of(expired, forged, foreign)) {
            Reply reply = api.as(token).postJson("/api/v1/decisions", "{\"case\": {\"id\": \"JWT-3\"}}");

            assertThat(reply.status()).as(reply.body()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
            assertThat(reply.body()).doesNotContain(token);
        }
    }

    @Test
    void theResourceTellsClientsWhichProviderIssuesItsTokensAndWhichScopesItKnows() {
        JsonNode metadata = new HttpApi(port).anonymous().get("/.well-known/oauth-protected-resource").json();

        assertThat(metadata.path("authorization_servers").get(0).asString()).isEqualTo(issuer());
        assertThat(metadata.path("scopes_supported").toString()).contains("decide", "escapes:review");
        assertThat(metadata.path("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
    }

    @Test
    void apiKeysWorkBesideTheIdentityProvider() {
        assertThat(new HttpApi(port).postJson("/api/v1/decisions", "{\"case\": {\"id\": \"JWT-4\"}}").status())
                .isEqualTo(200);
    }

    private static String token(Consumer<JWTClaimsSet.Builder> customise) {
        return sign(SIGNING_KEY, claims(customise));
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> customise) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("someone")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        customise.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String issuer() {
        return PROVIDER.baseUrl() + "/realms/service";
    }
}
