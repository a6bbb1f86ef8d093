package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BootstrapKeyFile;
import dev.leeway.HttpApi;
import dev.leeway.PackagedService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service on its default embedded store is killed with SIGKILL while helpdesks are
 * deciding. After a restart, every decision that had been answered is in the audit log and the
 * chain is intact.
 */
class KillDuringLoadIT {

    /** The database and service log; kept when the test fails, to see why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void killingTheProcessLosesNoAnsweredDecision() throws Exception {
        int port = PackagedService.freePort();
        PackagedService service = PackagedService.start(data, port, "--logging.level.root=WARN");
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

        PackagedService restarted = PackagedService.start(data, port, "--logging.level.root=WARN");
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
