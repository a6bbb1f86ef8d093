package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BootstrapKeyFile;
import dev.leeway.HttpApi;
import dev.leeway.PackagedService;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service is killed with SIGKILL while helpdesks are deciding, on its default
 * embedded store and on PostgreSQL. After a restart, every decision that had been answered is in
 * the audit log and the chain is intact.
 */
class KillDuringLoadIT {

    /** The database and service log; kept when the test fails, to see why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void killingTheProcessLosesNoAnsweredDecision() throws Exception {
        killDuringLoadAndRestart("--logging.level.root=WARN");
    }

    @Test
    @EnabledIf(value = "dev.leeway.audit.PostgresAvailability#reachable",
            disabledReason = "PostgreSQL at 127.0.0.1:5432 is not reachable: the PostgreSQL kill test was SKIPPED")
    void killingTheProcessLosesNoAnsweredDecisionOnPostgres() throws Exception {
        String schema = "leeway_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            killDuringLoadAndRestart("--logging.level.root=WARN", "--spring.profiles.active=postgresql",
                    "--spring.datasource.url=" + PostgresAvailability.URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=" + PostgresAvailability.USER, "--spring.datasource.password=",
                    "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true");
        } finally {
            try (var connection = DriverManager.getConnection(PostgresAvailability.URL, PostgresAvailability.USER, "");
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void killDuringLoadAndRestart(String... arguments) throws Exception {
        int port = PackagedService.freePort();
        PackagedService service = PackagedService.start(data, port, arguments);
        // Started as the README starts it: with the keys it made itself on first start.
        Map<String, String> keys = BootstrapKeyFile.read(data);
        HttpApi api = new HttpApi(port).as(keys.get("helpdesk"));
        HttpApi auditor = new HttpApi(port).as(keys.get("auditor"));
        Set<String> answered = ConcurrentHashMap.newKeySet();
        ExecutorService helpdesks = Executors.newFixedThreadPool(6);
        for (int desk = 0; desk < 6; desk++) {
            int id = desk;
            helpdesks.submit(() -> {
                for (int i = 0; ; i++) {
                    try {
                        HttpApi.Reply reply = api.postJson("/api/v1/decisions",
                                "{\"case\": {\"id\": \"KILL-" + id + "-" + i + "\", \"contactsAboutSameProblem\": 2}}");
                        if (reply.status() == 200) {
                            answered.add(reply.json().path("decisionId").asString());
                        }
                    } catch (RuntimeException connectionGone) {
                        return;
                    }
                }
            });
        }
        Instant until = Instant.now().plusSeconds(6);
        while (Instant.now().isBefore(until) || answered.size() < 200) {
            Thread.sleep(100);
        }
        service.kill();
        helpdesks.shutdownNow();
        assertThat(helpdesks.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<String> answeredBeforeKill = List.copyOf(answered);

        PackagedService restarted = PackagedService.start(data, port, arguments);
        try {
            for (String decisionId : answeredBeforeKill) {
                assertThat(auditor.get("/api/v1/audit/decisions/" + decisionId).status())
                        .as("decision %s was answered before the kill", decisionId).isEqualTo(200);
            }
            assertThat(auditor.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
        } finally {
            restarted.stop();
        }
        assertThat(answeredBeforeKill).hasSizeGreaterThanOrEqualTo(200);
    }
}
