package dev.leeway.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BootstrapKeyFile;
import dev.leeway.HttpApi;
import dev.leeway.PackagedService;
import dev.leeway.audit.PostgresAvailability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two packaged instances share one PostgreSQL schema and the timers of a few hundred watched cases,
 * which come due over some ten seconds of real time; one instance is killed with SIGKILL while
 * they do. The audit log then holds every (case, instant) exactly once, decided by the scheduler:
 * the survivor took over what the dead one had claimed once its claims lapsed, and nothing the dead
 * one had recorded was decided again.
 */
@EnabledIf(value = "dev.leeway.audit.PostgresAvailability#reachable",
        disabledReason = "PostgreSQL at 127.0.0.1:5432 is not reachable: the watched-case failover test was SKIPPED")
class WatchedCasesFailoverIT {

    private static final int CASES = 300;

    /** The services' logs; kept when the test fails, to see why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void killingOneOfTwoInstancesWhileTimersComeDueDecidesEachCaseAtEachInstantExactlyOnce() throws Exception {
        String schema = "leeway_failover_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            run(schema);
        } finally {
            try (var connection = DriverManager.getConnection(PostgresAvailability.URL, PostgresAvailability.USER, "");
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void run(String schema) throws Exception {
        Path keysFile = data.resolve("api-keys.txt");
        PackagedService first = start("first", schema, keysFile);
        PackagedService second = start("second", schema, keysFile);
        Map<String, String> keys = BootstrapKeyFile.read(data);
        HttpApi helpdeskFirst = new HttpApi(first.port()).as(keys.get("helpdesk"));
        HttpApi helpdeskSecond = new HttpApi(second.port()).as(keys.get("helpdesk"));
        HttpApi auditor = new HttpApi(second.port()).as(keys.get("auditor"));
        try {
            for (int i = 0; i < 50; i++) {
                helpdeskFirst.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"WARM-UP-" + i + "\"}}");
                helpdeskSecond.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"WARM-UP-" + i + "\"}}");
            }
            // P1 cases are due a first response an hour after opening: each is sent opened a little
            // under an hour ago, so that its timer comes due eight seconds after it was sent.
            Map<String, Instant> expected = new ConcurrentHashMap<>();
            ExecutorService helpdesks = Executors.newFixedThreadPool(4);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                String caseId = "FAILOVER-" + i;
                HttpApi helpdesk = i % 2 == 0 ? helpdeskFirst : helpdeskSecond;
                sent.add(helpdesks.submit(() -> {
                    Instant opened = Instant.now().plusSeconds(8).minus(Duration.ofHours(1));
                    HttpApi.Reply reply = helpdesk.putJson("/api/v1/cases/" + caseId, "{\"case\": {\"id\": \"" + caseId
                            + "\", \"priority\": \"P1\", \"status\": \"NEW\", \"openedAt\": \"" + opened + "\"}}");
                    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                    JsonNode brings = reply.json().path("nextBrings");
                    assertThat(brings.get(0).path("event").asString()).as(caseId + " not breached yet: " + reply.body())
                            .isEqualTo("deadline.breached");
                    expected.put(caseId, Instant.parse(reply.json().path("nextEvaluationAt").asString()));
                }));
            }
            for (Future<?> put : sent) {
                put.get();
            }
            helpdesks.shutdown();

            // Killed once about half the timers have come due, while the rest still do.
            List<Instant> instants = expected.values().stream().sorted().toList();
            Instant middle = instants.get(instants.size() / 2);
            Instant kill = middle.isAfter(Instant.now().plusSeconds(1)) ? middle : Instant.now().plusSeconds(1);
            Thread.sleep(Duration.between(Instant.now(), kill).toMillis());
            Instant killedAt = Instant.now();
            first.kill();
            long recordedBeforeKill = casesDecidedByTheScheduler(auditor);

            Instant last = expected.values().stream().max(Instant::compareTo).orElseThrow();
            Instant giveUp = last.plusSeconds(60);
            while (casesDecidedByTheScheduler(auditor) < CASES && Instant.now().isBefore(giveUp)) {
                Thread.sleep(500);
            }

            List<ScheduledDecisions.Fired> fired = ScheduledDecisions.in(auditor, "");
            Map<ScheduledDecisions.Fired, Long> times = fired.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(times.entrySet()).as("no (case, instant) recorded twice")
                    .allMatch(entry -> entry.getValue() == 1);
            assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                    .map(entry -> new ScheduledDecisions.Fired(entry.getKey(), entry.getValue())).toList());
            assertThat(expected.values()).as("some came due before the kill, some after")
                    .anyMatch(at -> at.isBefore(killedAt)).anyMatch(at -> at.isAfter(killedAt));
            assertThat(recordedBeforeKill).as("killed while the timers were firing").isBetween(1L, CASES - 1L);
            assertThat(auditor.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
        } finally {
            first.kill();
            second.stop();
        }
    }

    private static long casesDecidedByTheScheduler(HttpApi auditor) {
        return ScheduledDecisions.in(auditor, "").stream().map(ScheduledDecisions.Fired::caseId).distinct().count();
    }

    private PackagedService start(String instance, String schema, Path keysFile) throws Exception {
        Path directory = Files.createDirectories(data.resolve(instance));
        return PackagedService.start(directory, PackagedService.freePort(), "--logging.level.root=WARN",
                "--spring.profiles.active=postgresql",
                "--spring.datasource.url=" + PostgresAvailability.URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + PostgresAvailability.USER, "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true",
                "--leeway.instance-name=" + instance, "--leeway.security.bootstrap-keys-file=" + keysFile,
                "--leeway.watch.claim-lease=3s", "--leeway.watch.poll-interval=200ms");
    }
}
