package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rule that re-triggers itself is stopped by the firing limit and answered, not left to hang. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leeway.rules.directory=src/test/resources/rulesets/runaway",
        "leeway.rules.max-firings=500"})
class RunawayRuleSetTest {

    @LocalServerPort
    int port;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void loopingRuleIsStoppedAndNamedInA500Problem() {
        HttpApi api = new HttpApi(port);

        Reply reply = api.postJson("/api/v1/decisions", openedLongBefore("LOOP-1"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("urn:leeway:problem:runaway-rule-set");
        assertThat(reply.json().path("ruleSet").asString()).matches("sha256:[0-9a-f]{64}");
        assertThat(reply.json().path("firingLimit").asInt()).isEqualTo(500);
        assertThat(reply.json().path("busiestRules").get(0).asString()).startsWith("Keeps looking at the case again");
        assertThat(reply.json().path("detail").asString()).contains("did not come to rest within 500");

        assertThat(api.postJson("/api/v1/decisions", openedLongBefore("LOOP-2")).status())
                .as("the service keeps answering after a runaway").isEqualTo(500);
    }

    /** Opened 1000 minutes before it is decided: room for more loops than the firing limit allows. */
    private static String openedLongBefore(String caseId) {
        return "{\"case\": {\"id\": \"" + caseId + "\", \"openedAt\": \"2026-11-25T00:00:00Z\"},"
                + " \"at\": \"2026-11-25T16:40:00Z\"}";
    }
}
