package benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The escalation-over-time benchmark: many watched cases whose timers come due over an hour, on the
 * embedded store, with a webhook subscriber in this process. It reports how late timers fire, from
 * the instant a timer was due to the moment its webhook arrived (p50, p99), and decide throughput
 * while timers fire against the same server idle, measured in one run: the idle slices just before
 * the first timer comes due, the firing slices just after. Target: firing at least 0.8 of idle.
 *
 * <p>Each case is a P1 case already answered, so its one timer in the hour is the resolution
 * warning at 75 % of eight hours; the cases are opened so that these warnings fall evenly over the
 * hour that starts {@code bench.watch.lead} after start-up.
 * {@code ./mvnw -q test-compile exec:exec@watched-cases}; see docs/benchmarks.md.
 */
final class WatchedCasesBenchmark {

    private static final double RATIO_TARGET = 0.8;
    private static final JsonMapper JSON = new JsonMapper();
    private static final Duration WINDOW = Duration.ofHours(1);
    /** The bundled charter warns at 75 % of a P1 case's eight-hour resolution clock. */
    private static final Duration OPENED_BEFORE_WARNING = Duration.ofHours(6);

    private WatchedCasesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("bench.watch.cases", 100_000);
        Duration lead = Duration.ofSeconds(Integer.getInteger("bench.watch.lead", 900));
        Duration slice = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
        int slices = Integer.getInteger("bench.rounds", 10);
        int clients = 4;

        WebhookReceiver receiver = WebhookReceiver.start();
        String secret = "whsec_" + Base64.getEncoder().encodeToString("benchmark-signing-key-32-bytes!!".getBytes());
        ServerProcess server = ServerProcess.start("h2", List.of(
                "leeway.webhooks.subscriptions[0].name=bench",
                "leeway.webhooks.subscriptions[0].url=http://127.0.0.1:" + receiver.port() + "/events",
                "leeway.webhooks.subscriptions[0].events[0]=deadline.warning",
                "leeway.webhooks.subscriptions[0].secret=" + secret));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Instant firstDue = Instant.now().plus(lead);
            Duration registration = register(server, cases, firstDue, pool);
            System.out.printf("registered %,d watched cases in %.0f s (%.0f per second)%n", cases,
                    registration.toMillis() / 1e3, cases / (registration.toMillis() / 1e3));
            Duration idleTime = Duration.between(Instant.now(), firstDue);
            int warmups = 3;
            if (idleTime.compareTo(slice.multipliedBy(slices + warmups).plusSeconds(5)) < 0) {
                throw new IllegalStateException("registration left " + idleTime.toSeconds()
                        + " s before the first timer, too little for the idle slices: raise bench.watch.lead");
            }
            HttpThroughput decide = new HttpThroughput();
            HttpRequest request = server.post("/api/v1/decisions");
            for (int warmup = 0; warmup < warmups; warmup++) {
                decide.measure(server, request, clients, slice, pool);
            }
            // The idle slices end right before the first timer, so both phases run minutes apart at most.
            sleepUntil(firstDue.minus(slice.multipliedBy(slices)).minusSeconds(2));
            List<HttpThroughput.Slice> idle = new ArrayList<>();
            for (int round = 0; round < slices; round++) {
                idle.add(report("idle", decide.measure(server, request, clients, slice, pool)));
            }
            int deliveredWhileIdle = receiver.received();
            sleepUntil(firstDue.plusSeconds(5));
            List<HttpThroughput.Slice> firing = new ArrayList<>();
            for (int round = 0; round < slices; round++) {
                firing.add(report("firing", decide.measure(server, request, clients, slice, pool)));
            }
            Duration firingSpan = Duration.between(firstDue, Instant.now());

            double idleRate = median(idle.stream().map(HttpThroughput.Slice::perSecond).toList());
            double firingRate = median(firing.stream().map(HttpThroughput.Slice::perSecond).toList());
            double ratio = firingRate / idleRate;
            List<Long> lateness = receiver.latenessMillis();
            System.out.printf("%n== Watched cases benchmark (%d cores, Java %s) ==%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf("%,d watched cases, timers due evenly over %s from %s; %d clients deciding%n", cases,
                    WINDOW, firstDue, clients);
            System.out.printf("webhooks received before the first timer: %d (expected 0)%n", deliveredWhileIdle);
            System.out.printf("timers fired and delivered in the first %.0f s: %,d (due meanwhile: about %,d)%n",
                    firingSpan.toMillis() / 1e3, lateness.size(),
                    (long) (cases * (firingSpan.toMillis() / (double) WINDOW.toMillis())));
            System.out.printf("lateness, due instant to webhook received: p50 %d ms, p99 %d ms, max %d ms%n",
                    percentile(lateness, 0.50), percentile(lateness, 0.99), percentile(lateness, 1.0));
            System.out.printf("decide: idle %.0f/s (%.0f µs CPU each), while timers fire %.0f/s (%.0f µs CPU each, "
                    + "the timers' work included)%n", idleRate, cpuPerDecision(idle), firingRate, cpuPerDecision(firing));
            System.out.printf("throughput while firing / idle: %.2f (target >= %.1f) %s%n", ratio, RATIO_TARGET,
                    ratio >= RATIO_TARGET ? "MET" : "MISSED");
            if (ratio < RATIO_TARGET || deliveredWhileIdle > 0) {
                System.exit(1);
            }
        } finally {
            pool.shutdownNow();
            server.stop();
            receiver.stop();
        }
    }

    /** PUTs every case, eight at a time; case {@code i}'s warning falls {@code i/cases} of the way into the hour. */
    private static Duration register(ServerProcess server, int cases, Instant firstDue, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            workers.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < cases; index = next.getAndIncrement()) {
                    Instant warning = firstDue.plus(WINDOW.multipliedBy(index).dividedBy(cases));
                    Instant opened = warning.minus(OPENED_BEFORE_WARNING);
                    String body = """
                            {"case": {"id": "W-%d", "channel": "EMAIL", "category": "GENERAL", "priority": "P1",
                                      "status": "OPEN", "currentStep": "TIER2", "openedAt": "%s", "firstResponseAt": "%s"},
                             "actor": {"id": "agent-7", "roles": ["AGENT"], "team": "Frontline"}}
                            """.formatted(index, opened, opened.plusSeconds(300));
                    HttpResponse<String> response = server.client().send(
                            server.send("PUT", "/api/v1/cases/W-" + index, body), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 && response.statusCode() != 201) {
                        throw new IllegalStateException("PUT W-" + index + ": HTTP " + response.statusCode() + " "
                                + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static HttpThroughput.Slice report(String phase, HttpThroughput.Slice slice) {
        System.out.printf("%-6s: %6.0f decisions/s, %5.0f µs server CPU per decision%n", phase, slice.perSecond(),
                slice.cpuMicrosPerRequest());
        return slice;
    }

    private static double cpuPerDecision(List<HttpThroughput.Slice> slices) {
        long requests = slices.stream().mapToLong(HttpThroughput.Slice::requests).sum();
        long nanos = slices.stream().mapToLong(slice -> slice.serverCpu().toNanos()).sum();
        return nanos / 1e3 / requests;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static long percentile(List<Long> values, double share) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(share * sorted.size()) - 1));
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /**
     * The subscriber: takes every event, and notes how long after its {@code time} (the instant the
     * timer was due, at which the case was decided) it arrived.
     */
    private record WebhookReceiver(HttpServer server, List<Long> lateness) {

        static WebhookReceiver start() throws IOException {
            List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/events", exchange -> {
                Instant arrived = Instant.now();
                try (InputStream body = exchange.getRequestBody()) {
                    JsonNode event = JSON.readTree(body.readAllBytes());
                    lateness.add(Duration.between(Instant.parse(event.path("time").asString()), arrived).toMillis());
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(2, task -> {
                Thread thread = new Thread(task, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return new WebhookReceiver(server, lateness);
        }

        int port() {
            return server.getAddress().getPort();
        }

        int received() {
            return lateness.size();
        }

        List<Long> latenessMillis() {
            synchronized (lateness) {
                return List.copyOf(lateness);
            }
        }

        void stop() {
            server.stop(0);
        }
    }
}
