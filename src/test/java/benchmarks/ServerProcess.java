package benchmarks;

import dev.leeway.TestKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A {@link BenchServer} in a child process, with the client that talks to it. */
record ServerProcess(String audit, Process process, int port, HttpClient client) {

    private static final JsonMapper JSON = new JsonMapper();

    static ServerProcess start(String audit) throws IOException {
        return start(audit, List.of());
    }

    /** @param properties further {@code name=value} settings for the server, e.g. a webhook subscription */
    static ServerProcess start(String audit, List<String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), audit));
        command.addAll(properties);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.startsWith("port ")) {
            System.out.println("[" + audit + "] " + line);
        }
        if (line == null) {
            throw new IOException("the " + audit + " server stopped before it served");
        }
        // Whatever it logs from now on is passed on, so that a full pipe never stalls it.
        Thread passOn = new Thread(() -> output.lines().forEach(logged -> System.out.println("[" + audit + "] " + logged)));
        passOn.setDaemon(true);
        passOn.start();
        return new ServerProcess(audit, process, Integer.parseInt(line.substring("port ".length())),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    /** The benchmark's decision request. */
    HttpRequest post(String path) {
        return send("POST", path, HttpThroughput.BODY);
    }

    HttpRequest send(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                // Every request pays for authentication, as a helpdesk's does.
                .header("Authorization", "Bearer " + TestKeys.ALL)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    Duration cpuTime() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the operating system does not tell a process's CPU time"));
    }

    /** How many appends shared a commit and how long one took, over the whole run, from the server's metrics. */
    Optional<String> auditCommits() throws IOException, InterruptedException {
        if (audit.equals("off")) {
            return Optional.empty();
        }
        JsonNode batches = metric("leeway.audit.batch.size");
        JsonNode commits = metric("leeway.audit.commit");
        double count = statistic(batches, "COUNT");
        return Optional.of(String.format("%.2f appends per commit, %.0f µs per commit",
                statistic(batches, "TOTAL") / count, statistic(commits, "TOTAL_TIME") / statistic(commits, "COUNT") * 1e6));
    }

    private JsonNode metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/metrics/" + name))
                .header("Authorization", "Bearer " + TestKeys.ALL).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static double statistic(JsonNode metric, String statistic) {
        for (JsonNode measurement : metric.path("measurements")) {
            if (measurement.path("statistic").asString().equals(statistic)) {
                return measurement.path("value").asDouble();
            }
        }
        throw new IllegalStateException("no " + statistic + " in " + metric);
    }

    /** Closing its input is the server's signal to stop and clean up after itself. */
    void stop() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // It stopped on its own; nothing to signal.
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
