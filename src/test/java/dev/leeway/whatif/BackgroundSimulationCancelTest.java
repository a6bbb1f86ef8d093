package dev.leeway.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.audit.AuditStore;
import dev.leeway.audit.DecisionFilter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * A long background simulation, as on a window of a million decisions: pages of two records, and
 * the log's second page held until the test lets it go, so that what is seen while it runs and
 * after it is cancelled is certain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"leeway.rules.watch=false", "leeway.simulation.page-size=2"})
class BackgroundSimulationCancelTest {

    @LocalServerPort
    int port;

    @MockitoSpyBean
    AuditStore store;

    HttpApi api;

    final CountDownLatch secondPageAskedFor = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** Holds the reading of any page but the first of windows that start at {@code from}. */
    private void holdSecondPageOf(Instant from) {
        doAnswer(invocation -> {
            DecisionFilter filter = invocation.getArgument(0);
            long before = invocation.getArgument(1);
            if (from.equals(filter.from()) && before > 0) {
                secondPageAskedFor.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            return invocation.callRealMethod();
        }).when(store).decisions(any(), anyLong(), anyInt());
    }

    @Test
    void aRunningSimulationShowsItsProgressAndOnceCancelledStopsKeepingWhatItReplayed() throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 5; i++) {
            api.decide(HttpApi.json(Map.of("case", Map.of("id", "CANCEL-" + i), "at", "2026-11-25T10:00:00Z")));
        }
        Instant to = Instant.now().plusMillis(1);
        holdSecondPageOf(from);

        Reply started = api.postJson("/api/v1/rules/simulations", HttpApi.json(Map.of("from", from.toString(),
                "to", to.toString(), "remove", java.util.List.of("escapes/goodwill.drl"))));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = URI.create(started.header("Location")).getPath();
        assertThat(secondPageAskedFor.await(30, TimeUnit.SECONDS)).isTrue();

        JsonNode running = api.get(location).json();
        assertThat(running.path("status").asString()).isEqualTo("RUNNING");
        assertThat(running.path("recordsRead").asLong()).isEqualTo(2);
        assertThat(running.path("totals").path("cases").asLong()).isEqualTo(2);
        assertThat(running.has("finishedAt")).isFalse();

        Reply cancelled = api.post(location + "/cancel");
        assertThat(cancelled.status()).isEqualTo(200);
        release.countDown();

        JsonNode ended = api.awaited(location, run -> !"RUNNING".equals(run.path("status").asString()),
                Duration.ofSeconds(30));
        assertThat(ended.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ended.path("recordsRead").asLong()).as("stopped before the next record").isEqualTo(2);
        assertThat(ended.path("totals").path("unchanged").asLong()).isEqualTo(2);
        assertThat(ended.has("finishedAt")).isTrue();

        Reply again = api.post(location + "/cancel");
        assertThat(again.json().path("status").asString()).as("an ended run stays as it ended").isEqualTo("CANCELLED");
    }
}
