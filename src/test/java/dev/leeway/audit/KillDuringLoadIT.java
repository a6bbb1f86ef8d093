package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** The database, journal and service log; kept when the test fails, to see why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void killingTheProcessLosesNoAnsweredDecision() throws Exception {
        int port = freePort();
        Process service = start(port, data);
        HttpApi api = new HttpApi(port);
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
        service.destroyForcibly();
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        helpdesks.shutdownNow();
        assertThat(helpdesks.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<String> answeredBeforeKill = List.copyOf(answered);

        Process restarted = start(port, data);
        try {
            for (String decisionId : answeredBeforeKill) {
                assertThat(api.get("/api/v1/audit/decisions/" + decisionId).status())
                        .as("decision %s was answered before the kill", decisionId).isEqualTo(200);
            }
            assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(answeredBeforeKill).hasSizeGreaterThanOrEqualTo(200);
    }

    private static Process start(int port, Path data) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/leeway.jar", "--server.port=" + port,
                "--leeway.rules.watch=false", "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("service.log").toFile()));
        builder.environment().put("LEEWAY_DATA_DIRECTORY", data.toString());
        Process process = builder.start();
        awaitUp(port, process, data);
        return process;
    }

    private static void awaitUp(int port, Process process, Path data) throws IOException, InterruptedException {
        HttpApi api = new HttpApi(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited: " + Files.readString(data.resolve("service.log")));
            }
            try {
                if (api.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start: " + Files.readString(data.resolve("service.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
