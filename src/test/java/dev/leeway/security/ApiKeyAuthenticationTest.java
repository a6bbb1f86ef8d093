package dev.leeway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import dev.leeway.TestKeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** API keys: accepted by their hash, never repeated back or logged, and not to be guessed by trying. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"leeway.security.failed-authentication.limit=3", "leeway.security.failed-authentication.per=1m"})
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAuthenticationTest {

    private static final String DECISION = "{\"case\": {\"id\": \"KEY-1\"}}";
    private static final String GUESS = "lw_a-guess-that-must-never-be-logged";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    /** Every test starts from an address with no failures against it: the earlier ones are forgiven. */
    @BeforeEach
    void forgiveEarlierFailures() {
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void anUnknownKeyIs401WithAChallengeAndIsLoggedWithTheAddressButNeverTheKey(CapturedOutput output) {
        Reply reply = new HttpApi(port).as(GUESS).postJson("/api/v1/decisions", DECISION);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer").contains("realm=\"leeway\"");
        assertThat(reply.json().path("type").asString()).isEqualTo("urn:leeway:problem:unauthenticated");
        assertThat(reply.body()).doesNotContain(GUESS);
        assertThat(output.getAll()).contains("Authentication failed for POST /api/v1/decisions from 127.0.0.1")
                .doesNotContain(GUESS);
    }

    @Test
    void aKnownKeyWithoutThePermissionIs403NamingTheKeyAndThePermission(CapturedOutput output) {
        Reply reply = new HttpApi(port).as(TestKeys.only(Permission.AUDIT_READ)).postJson("/api/v1/decisions", DECISION);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("detail").asString()).contains("decide").contains("only-audit-read");
        assertThat(output.getAll()).contains("to only-audit-read: it needs the permission decide")
                .doesNotContain(TestKeys.only(Permission.AUDIT_READ));
    }

    @Test
    void anAddressThatFailsTooOftenIsRefusedWith429EvenWithAGoodKeyUntilItsFailuresAreForgiven() {
        HttpApi api = new HttpApi(port);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(api.as(GUESS + attempt).postJson("/api/v1/decisions", DECISION).status()).isEqualTo(401);
        }

        Reply refused = api.postJson("/api/v1/decisions", DECISION);
        Reply stillRefused = api.as(GUESS).postJson("/api/v1/decisions", DECISION);
        clock.advance(Duration.ofMinutes(1));
        Reply forgiven = api.postJson("/api/v1/decisions", DECISION);

        assertThat(refused.status()).as("refused before the key is even looked at").isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(stillRefused.status()).isEqualTo(429);
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).as("probes without credentials pass")
                .isEqualTo(200);
        assertThat(forgiven.status()).as(forgiven.body()).isEqualTo(200);
    }
}
