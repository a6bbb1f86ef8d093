package benchmarks;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shadow benchmark: decide throughput over HTTP with a shadow rule set running against none,
 * in one server run on the embedded store. Slices with and without a shadow take turns, round
 * after round (each round starting with the other one), and the ratio is taken per round, so the
 * machine's drift in speed falls on both alike. The shadow is the bundled rules with a higher
 * goodwill limit, started before its slice and discarded after it; nothing is written into the
 * rules directory. Target: with a shadow at least 0.8 of without.
 * {@code ./mvnw -q test-compile exec:exec@shadow}; see docs/benchmarks.md.
 */
final class ShadowBenchmark {

    private static final double RATIO_TARGET = 0.8;
    private static final JsonMapper JSON = new JsonMapper();
    private static final String GOODWILL = "escapes/goodwill.drl";

    private ShadowBenchmark() {}

    public static void main(String[] args) throws Exception {
        Duration slice = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
        int rounds = Integer.getInteger("bench.rounds", 10);
        // Pairs of slices, with and without, before any is measured: the JIT is slow to settle on two cores.
        int warmups = Integer.getInteger("bench.warmups", 3);
        int clients = 4;
        String generous = Files.readString(Path.of("rules", GOODWILL)).replace(".upTo(50)", ".upTo(60)");
        String shadowBody = JSON.writeValueAsString(Map.of("files", List.of(Map.of("path", GOODWILL, "content", generous))));

        ServerProcess server = ServerProcess.start("h2");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            HttpThroughput decide = new HttpThroughput();
            HttpRequest request = server.post("/api/v1/decisions");
            for (int warmup = 0; warmup < warmups; warmup++) {
                decide.measure(server, request, clients, slice, pool);
                call(server, "POST", "/api/v1/rules/shadow", shadowBody);
                decide.measure(server, request, clients, slice, pool);
                call(server, "DELETE", "/api/v1/rules/shadow", "");
            }
            List<HttpThroughput.Slice> without = new ArrayList<>();
            List<HttpThroughput.Slice> with = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            long evaluated = 0;
            long dropped = 0;
            long differed = 0;
            for (int round = 0; round < rounds; round++) {
                HttpThroughput.Slice none = null;
                HttpThroughput.Slice shadowed = null;
                for (boolean shadowFirst : round % 2 == 0 ? List.of(false, true) : List.of(true, false)) {
                    if (shadowFirst) {
                        call(server, "POST", "/api/v1/rules/shadow", shadowBody);
                        shadowed = report("shadow", decide.measure(server, request, clients, slice, pool));
                        JsonNode status = call(server, "DELETE", "/api/v1/rules/shadow", "");
                        evaluated += status.path("evaluated").asLong();
                        dropped += status.path("dropped").asLong();
                        differed += status.path("differed").asLong();
                    } else {
                        none = report("none", decide.measure(server, request, clients, slice, pool));
                    }
                }
                without.add(none);
                with.add(shadowed);
                ratios.add(shadowed.perSecond() / none.perSecond());
            }
            HttpThroughput.MedianRange ratio = HttpThroughput.MedianRange.of(ratios);
            long shadowRequests = with.stream().mapToLong(HttpThroughput.Slice::requests).sum();
            System.out.printf("%n== Shadow benchmark (%d cores, Java %s) ==%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf("%d rounds of %d s slices, %d clients deciding, audit log on H2%n", rounds,
                    slice.toSeconds(), clients);
            System.out.printf("decide: without a shadow %.0f/s (%.0f µs server CPU each), with one %.0f/s "
                    + "(%.0f µs each, the shadow's work included)%n", median(without), cpuPerDecision(without),
                    median(with), cpuPerDecision(with));
            System.out.printf("shadow: %,d of %,d live decisions evaluated, %,d dropped (queue full), %,d differed%n",
                    evaluated, shadowRequests, dropped, differed);
            System.out.printf("throughput with a shadow / without, median of rounds: %.2f (range %.2f-%.2f; "
                    + "target >= %.1f) %s%n", ratio.median(), ratio.min(), ratio.max(), RATIO_TARGET, ratio.median() >= RATIO_TARGET ? "MET" : "MISSED");
            if (ratio.median() < RATIO_TARGET) {
                System.exit(1);
            }
        } finally {
            pool.shutdownNow();
            server.stop();
        }
    }

    private static JsonNode call(ServerProcess server, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = server.client().send(server.send(method, path, body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpThroughput.Slice report(String phase, HttpThroughput.Slice slice) {
        System.out.printf("%-6s: %6.0f decisions/s, %5.0f µs server CPU per decision%n", phase, slice.perSecond(),
                slice.cpuMicrosPerRequest());
        return slice;
    }

    private static double median(List<HttpThroughput.Slice> slices) {
        List<Double> sorted = slices.stream().map(HttpThroughput.Slice::perSecond).sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double cpuPerDecision(List<HttpThroughput.Slice> slices) {
        long requests = slices.stream().mapToLong(HttpThroughput.Slice::requests).sum();
        long nanos = slices.stream().mapToLong(slice -> slice.serverCpu().toNanos()).sum();
        return nanos / 1e3 / requests;
    }
}
