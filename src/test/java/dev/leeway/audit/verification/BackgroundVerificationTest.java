package dev.leeway.audit.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.audit.AuditStore;
import dev.leeway.audit.ChainVerification;
import dev.leeway.audit.WalkProgress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;

/**
 * A long walk of the chain, as on a log of millions of records: the store's walk is held at a
 * known point, so what auditors see while it runs, and when it fails or is cut short, is certain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackgroundVerificationTest {

    @LocalServerPort
    int port;

    @MockitoBean
    AuditStore store;

    @Autowired
    ChainVerifications verifications;

    @Autowired
    JdbcTemplate jdbc;

    HttpApi api;

    /** Lets the held walk end. */
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** The store walks 1,200 of 5,000 records, then waits for the test to release it. */
    private void walkHeldAfter1200Records(ChainVerification outcome) {
        when(store.verify(any(), any())).thenAnswer(invocation -> {
            WalkProgress progress = invocation.getArgument(1);
            progress.walked(0, 5_000);
            progress.walked(1_200, 5_000);
            release.await(60, TimeUnit.SECONDS);
            return outcome;
        });
    }

    @Test
    void aLongWalkReportsHowFarItHasComeAndIsNotStartedTwice() {
        walkHeldAfter1200Records(new ChainVerification(true, 5_000, null, new ChainVerification.Head(5_000, "f".repeat(64))));
        Reply started = api.post("/api/v1/audit/verifications");
        assertThat(started.status()).isEqualTo(202);
        String location = URI.create(started.header("Location")).getPath();

        JsonNode running = awaited(location, walk -> walk.path("recordsChecked").asLong() == 1_200);
        assertThat(running.path("status").asString()).isEqualTo("RUNNING");
        assertThat(running.path("headPosition").asLong()).isEqualTo(5_000);
        assertThat(running.has("finishedAt")).isFalse();
        Reply again = api.post("/api/v1/audit/verifications");
        assertThat(again.json().path("verificationId").asString())
                .isEqualTo(started.json().path("verificationId").asString());

        release.countDown();
        JsonNode finished = awaited(location, walk -> !"RUNNING".equals(walk.path("status").asString()));
        assertThat(finished.path("status").asString()).isEqualTo("FINISHED");
        assertThat(finished.path("recordsChecked").asLong()).isEqualTo(5_000);
        assertThat(finished.path("result").path("intact").asBoolean()).isTrue();
    }

    /** A walk given the caller's own anchor starts even while another runs; it waits its turn, alive. */
    @Test
    void aWalkWaitingBehindAnotherKeepsReportingAndThenRuns() {
        walkHeldAfter1200Records(new ChainVerification(true, 5_000, null, new ChainVerification.Head(5_000, "f".repeat(64))));
        Reply first = api.post("/api/v1/audit/verifications");
        awaited(URI.create(first.header("Location")).getPath(), walk -> walk.path("recordsChecked").asLong() == 1_200);

        Reply second = api.post("/api/v1/audit/verifications?position=1&hash=" + "a".repeat(64));
        String secondId = second.json().path("verificationId").asString();
        assertThat(secondId).isNotEqualTo(first.json().path("verificationId").asString());
        Instant queuedAt = heartbeat(secondId);
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!heartbeat(secondId).isAfter(queuedAt)) {
            assertThat(System.nanoTime()).as("the waiting walk never reported").isLessThan(giveUp);
            sleep(100);
        }

        release.countDown();
        JsonNode finished = awaited(URI.create(second.header("Location")).getPath(),
                walk -> "FINISHED".equals(walk.path("status").asString()));
        assertThat(finished.path("result").path("intact").asBoolean()).isTrue();
    }

    /** Each walk reads the whole log: walks asked for faster than they end are refused, not piled up. */
    @Test
    void walksBeyondWhatAnInstanceTakesAtOnceAreRefusedUntilOneEnds() {
        walkHeldAfter1200Records(new ChainVerification(true, 5_000, null, new ChainVerification.Head(5_000, "f".repeat(64))));
        List<String> started = new ArrayList<>();
        try {
            Reply first = api.post("/api/v1/audit/verifications");
            started.add(URI.create(first.header("Location")).getPath());
            awaited(started.get(0), walk -> walk.path("recordsChecked").asLong() == 1_200);
            for (int position = 1; position < ChainVerifications.MOST_WALKS_AT_ONCE; position++) {
                Reply anchored = api.post("/api/v1/audit/verifications?position=" + position + "&hash=" + "a".repeat(64));
                assertThat(anchored.status()).isEqualTo(202);
                started.add(URI.create(anchored.header("Location")).getPath());
            }
            Integer keptBefore = jdbc.queryForObject("SELECT COUNT(*) FROM chain_verification", Integer.class);

            Reply refused = api.post("/api/v1/audit/verifications?position=9&hash=" + "a".repeat(64));
            Reply refusedWhileWaiting = api.get("/api/v1/audit/verify");

            for (Reply reply : List.of(refused, refusedWhileWaiting)) {
                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.json().path("type").asString()).isEqualTo("urn:leeway:problem:too-many-walks");
                assertThat(reply.json().path("mostAtOnce").asInt()).isEqualTo(ChainVerifications.MOST_WALKS_AT_ONCE);
                assertThat(reply.header("Retry-After")).isEqualTo("60");
            }
            // Without an anchor, a request joins a walk under way, which needs no room.
            Reply joined = api.post("/api/v1/audit/verifications");
            assertThat(joined.status()).isEqualTo(202);
            assertThat(started).contains(URI.create(joined.header("Location")).getPath());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chain_verification", Integer.class)).isEqualTo(keptBefore);
        } finally {
            release.countDown();
        }
        for (String location : started) {
            awaited(location, walk -> "FINISHED".equals(walk.path("status").asString()));
        }
        assertThat(api.post("/api/v1/audit/verifications?position=9&hash=" + "a".repeat(64)).status()).isEqualTo(202);
    }

    private Instant heartbeat(String verificationId) {
        return jdbc.queryForObject("SELECT heartbeat_at FROM chain_verification WHERE verification_id = ?",
                OffsetDateTime.class, verificationId).toInstant();
    }

    @Test
    void aWalkTheDatabaseStopsAnsweringIsShownAsFailedWithoutItsInsides() {
        when(store.verify(any(), any())).thenAnswer(invocation -> {
            invocation.<WalkProgress>getArgument(1).walked(300, 5_000);
            throw new DataAccessResourceFailureException("connection to db-7.internal reset");
        });

        Reply started = api.post("/api/v1/audit/verifications");

        JsonNode failed = awaited(URI.create(started.header("Location")).getPath(),
                walk -> !"RUNNING".equals(walk.path("status").asString()));
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asString()).contains("after 300 records").doesNotContain("db-7.internal");
        assertThat(failed.has("result")).isFalse();
    }

    @Test
    void aWalkCutShortByStoppingTheInstanceIsShownAsInterrupted() {
        walkHeldAfter1200Records(new ChainVerification(true, 5_000, null, new ChainVerification.Head(5_000, "f".repeat(64))));
        Reply started = api.post("/api/v1/audit/verifications");
        String location = URI.create(started.header("Location")).getPath();
        awaited(location, walk -> walk.path("recordsChecked").asLong() == 1_200);

        verifications.stop();
        try {
            JsonNode interrupted = api.get(location).json();
            assertThat(interrupted.path("status").asString()).isEqualTo("INTERRUPTED");
            assertThat(interrupted.path("failure").asString()).contains("instance stopped");
        } finally {
            release.countDown();
            verifications.start();
        }
        // The walk's own end, after the instance gave it up, does not overwrite what was said.
        assertThat(aMomentLater(location).path("status").asString()).isEqualTo("INTERRUPTED");
    }

    private JsonNode aMomentLater(String location) {
        sleep(200);
        return api.get(location).json();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The walk once it matches; progress is saved every 5 s, so this waits up to 20 s. */
    private JsonNode awaited(String location, Predicate<JsonNode> condition) {
        return api.awaited(location, condition, Duration.ofSeconds(20));
    }
}
