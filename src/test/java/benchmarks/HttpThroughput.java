package benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The load driver for the recording target: what a decision over HTTP costs in server CPU, with
 * the audit log off, on H2 and on PostgreSQL, at each number of concurrent clients. Each store runs
 * in a server process of its own ({@link BenchServer}); for PostgreSQL the database server's own
 * CPU is added, since recording there is work the database does.
 *
 * <p>The targets take turns in short slices, round after round, each round starting one target
 * further on. On this two-core machine speed drifts by a factor of three within minutes; taking
 * turns compares each slice with one of the baseline a few seconds away. CPU time comes from the
 * operating system, which tells what a request costs regardless of how fast the machine happened
 * to be; ratios are computed per round and reported as a median with their range.
 */
final class HttpThroughput {

    static final String OFF = "off";

    static final String BODY = """
            {"case": {"id": "BENCH-1", "channel": "CHAT", "category": "BILLING", "priority": "P2", "status": "OPEN",
                      "openedAt": "2026-11-25T08:00:00Z", "currentStep": "TIER1_SCRIPT", "transfers": 1,
                      "contactsAboutSameProblem": 2, "waitingMinutes": 35, "companyAtFault": true,
                      "amountAtStake": 120, "currency": "EUR", "sentiment": "NEGATIVE", "tags": ["IDENTITY_VERIFIED"],
                      "customer": {"id": "CU-1", "tier": "PREMIUM", "churnRisk": 0.4}},
             "actor": {"id": "agent-7", "roles": ["AGENT"], "team": "Frontline"},
             "request": {"action": "GRANT_COMPENSATION", "amount": 40},
             "at": "2026-11-25T10:00:00Z"}
            """;

    /** How the run is shaped: concurrent clients per target, slice length, warm-up slices and measured rounds. */
    record Plan(List<Integer> clients, Duration slice, int warmupSlices, int rounds) {}

    /** A store under a number of concurrent clients. */
    record Load(String audit, int clients) {

        @Override
        public String toString() {
            return audit + " @" + clients;
        }
    }

    /** One target's share of one round; {@code databaseCpu} is zero but for PostgreSQL. */
    record Slice(long requests, Duration length, Duration serverCpu, Duration databaseCpu) {

        double perSecond() {
            return requests / (length.toNanos() / 1e9);
        }

        double cpuMicrosPerRequest() {
            return (serverCpu.toNanos() + databaseCpu.toNanos()) / 1e3 / requests;
        }
    }

    /** What a run measured: per load, one slice per round, in round order. */
    record Measurement(Map<Load, List<Slice>> slices, Map<String, String> commits, long transportRetries) {

        /** The median over rounds of the load's CPU per decision divided by the same clients' with the audit log off. */
        MedianRange cpuRatioToOff(Load load) {
            List<Slice> baseline = slices.get(new Load(OFF, load.clients()));
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < slices.get(load).size(); round++) {
                ratios.add(slices.get(load).get(round).cpuMicrosPerRequest() / baseline.get(round).cpuMicrosPerRequest());
            }
            return MedianRange.of(ratios);
        }

        double medianPerSecond(Load load) {
            return MedianRange.of(slices.get(load).stream().map(Slice::perSecond).toList()).median();
        }

        double serverCpuMicrosPerRequest(Load load) {
            return micros(load, Slice::serverCpu);
        }

        double databaseCpuMicrosPerRequest(Load load) {
            return micros(load, Slice::databaseCpu);
        }

        private double micros(Load load, Function<Slice, Duration> cpu) {
            long requests = slices.get(load).stream().mapToLong(Slice::requests).sum();
            long nanos = slices.get(load).stream().mapToLong(slice -> cpu.apply(slice).toNanos()).sum();
            return nanos / 1e3 / requests;
        }
    }

    /** A median with the smallest and largest of the values it was taken from. */
    record MedianRange(double median, double min, double max) {

        static MedianRange of(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int middle = sorted.size() / 2;
            double median = sorted.size() % 2 == 1 ? sorted.get(middle)
                    : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
            return new MedianRange(median, sorted.get(0), sorted.get(sorted.size() - 1));
        }
    }

    private record Target(Load load, ServerProcess server, HttpRequest request) {}

    private final LongAdder transportRetries = new LongAdder();

    /** Starts a server per audit mode, warms every load up, then measures them in turns. */
    Measurement run(Plan plan, List<String> auditModes) throws IOException, InterruptedException {
        if (!auditModes.contains(OFF)) {
            throw new IllegalArgumentException("the audit modes must include off, the baseline of every ratio");
        }
        List<ServerProcess> servers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(plan.clients().stream().mapToInt(Integer::intValue).max()
                .orElseThrow());
        try {
            List<Target> targets = new ArrayList<>();
            for (String audit : auditModes) {
                ServerProcess server = ServerProcess.start(audit);
                servers.add(server);
                for (int count : plan.clients()) {
                    targets.add(new Target(new Load(audit, count), server, server.post("/api/v1/decisions")));
                }
            }
            for (int slice = 0; slice < plan.warmupSlices(); slice++) {
                for (Target target : targets) {
                    load(target, plan, clients);
                }
                System.out.printf("warm-up %d/%d%n", slice + 1, plan.warmupSlices());
            }
            Map<Load, List<Slice>> measured = new LinkedHashMap<>();
            targets.forEach(target -> measured.put(target.load(), new ArrayList<>()));
            for (int round = 0; round < plan.rounds(); round++) {
                for (int turn = 0; turn < targets.size(); turn++) {
                    Target target = targets.get((round + turn) % targets.size());
                    Slice slice = load(target, plan, clients);
                    measured.get(target.load()).add(slice);
                    System.out.printf("round %d, %-16s: %6.0f req/s, %4.0f µs CPU per decision (server %.0f, database %.0f)%n",
                            round + 1, target.load(), slice.perSecond(), slice.cpuMicrosPerRequest(),
                            slice.serverCpu().toNanos() / 1e3 / slice.requests(),
                            slice.databaseCpu().toNanos() / 1e3 / slice.requests());
                }
            }
            Map<String, String> commits = new LinkedHashMap<>();
            for (ServerProcess server : servers) {
                server.auditCommits().ifPresent(summary -> commits.put(server.audit(), summary));
            }
            return new Measurement(measured, commits, transportRetries.sum());
        } finally {
            clients.shutdownNow();
            for (ServerProcess server : servers) {
                server.stop();
            }
        }
    }

    /** The target under load from its number of client threads for one slice. */
    private Slice load(Target target, Plan plan, ExecutorService clients) throws InterruptedException {
        return measure(target.server(), target.request(), target.load().clients(), plan.slice(), clients);
    }

    /**
     * The server under load from {@code clients} threads sending the request for one slice; for
     * PostgreSQL the database server's CPU is measured too.
     */
    Slice measure(ServerProcess server, HttpRequest request, int clientCount, Duration length, ExecutorService clients)
            throws InterruptedException {
        boolean onPostgres = server.audit().equals("postgresql");
        Duration cpuBefore = server.cpuTime();
        Duration databaseBefore = onPostgres ? DatabaseServerCpu.postgres() : Duration.ZERO;
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Future<Long>> sent = new ArrayList<>();
        for (int thread = 0; thread < clientCount; thread++) {
            sent.add(clients.submit(() -> {
                long requests = 0;
                while (System.nanoTime() < deadline) {
                    send(server.client(), request);
                    requests++;
                }
                return requests;
            }));
        }
        long requests = 0;
        for (Future<Long> thread : sent) {
            try {
                requests += thread.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the load on " + server.audit() + " failed", e.getCause());
            }
        }
        Duration measured = Duration.ofNanos(System.nanoTime() - start);
        Duration database = onPostgres ? DatabaseServerCpu.postgres().minus(databaseBefore) : Duration.ZERO;
        return new Slice(requests, measured, server.cpuTime().minus(cpuBefore), database);
    }

    /**
     * At several thousand requests a second the JDK client now and then finds a pooled connection
     * dead ("header parser received no bytes") before the request reached the server. Such a
     * request is sent once more and counted; a second failure, or any status but 200, fails the run.
     */
    private void send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        try {
            expectOk(client.send(request, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException transportFailure) {
            transportRetries.increment();
            expectOk(client.send(request, HttpResponse.BodyHandlers.discarding()));
        }
    }

    /** A load driver needs the status, not the body: decoding it would spend the cores on the client. */
    private static void expectOk(HttpResponse<Void> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("benchmark request failed with HTTP " + response.statusCode());
        }
    }
}
