package dev.leeway.audit.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The chain is walked on its own every {@code leeway.audit.verify-every}, and no more often. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "leeway.audit.verify-every=1s")
class ScheduledVerificationTest {

    @LocalServerPort
    int port;

    @Test
    void theChainIsWalkedEveryIntervalWithoutAnyoneAsking() throws InterruptedException {
        HttpApi api = new HttpApi(port);
        api.decide("{\"case\": {\"id\": \"SCHEDULED-1\"}}");

        List<JsonNode> scheduled = List.of();
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (scheduled.size() < 3 && System.nanoTime() < giveUp) {
            Thread.sleep(200);
            scheduled = api.everyItem("/api/v1/audit/verifications").stream()
                    .filter(walk -> "SCHEDULE".equals(walk.path("triggeredBy").asString()))
                    .filter(walk -> "FINISHED".equals(walk.path("status").asString()))
                    .toList();
        }

        assertThat(scheduled).as("scheduled walks within 20 s").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(walk -> assertThat(walk.path("result").path("intact").asBoolean()).isTrue())
                .allSatisfy(walk -> assertThat(walk.has("requestedBy")).as("nobody asked").isFalse());
        for (int i = 1; i < scheduled.size(); i++) {
            Instant later = Instant.parse(scheduled.get(i - 1).path("startedAt").asString());
            Instant earlier = Instant.parse(scheduled.get(i).path("startedAt").asString());
            assertThat(Duration.between(earlier, later)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }
}
