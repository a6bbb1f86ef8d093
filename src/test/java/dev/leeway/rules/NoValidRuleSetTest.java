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
}
