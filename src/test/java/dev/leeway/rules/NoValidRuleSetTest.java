package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no valid rule set at start-up the service still starts, says why, and refuses decisions with 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leeway.rules.directory=src/test/resources/rulesets/broken")
class NoValidRuleSetTest {

    @LocalServerPort
    int port;

    @Test
    void decisionsAreRefusedWith503NamingTheBrokenFileAndLine() {
        Reply reply = new HttpApi(port).postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-1\"}}");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("urn:leeway:problem:rule-set-unavailable");
        assertThat(reply.json().path("detail").asString()).contains("procedures/typo.drl:12:");
    }

    @Test
    void healthIsDownAndTheRulesOverviewSaysWhy() {
        HttpApi api = new HttpApi(port);

        Reply health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("components").path("rules").path("status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);

        Reply overview = api.get("/api/v1/rules");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.json().path("version").isNull()).isTrue();
        assertThat(overview.json().path("refused").path("problems").get(0).path("file").asString())
                .isEqualTo("procedures/typo.drl");
    }
}
