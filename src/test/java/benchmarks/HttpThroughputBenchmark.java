package benchmarks;

import dev.leeway.LeewayApplication;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The decision endpoint against a trivial endpoint in the same server and the same run: both
 * receive the same JSON body over loopback; the trivial one reads it and answers a constant. The
 * ratio of the two is what the decision work costs over bare HTTP. The decision endpoint runs with
 * its audit log off, on H2 and on PostgreSQL, to show what recording every decision costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HttpThroughputBenchmark {

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

    /**
     * A constant answer at {@code POST /bench/trivial}, registered only in this benchmark's server.
     * It reads the body it is sent, as every POST handler must: leaving it unread made Tomcat drop
     * the connection now and then, failing requests for reasons that have nothing to do with Leeway.
     */
    @Configuration(proxyBeanMethods = false)
    static class TrivialEndpoint {

        @Bean
        RouterFunction<ServerResponse> trivial() {
            return RouterFunctions.route()
                    .POST("/bench/trivial", request -> {
                        request.body(byte[].class);
                        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body("{\"ok\":true}");
                    })
                    .build();
        }
    }

    private static final LongAdder TRANSPORT_RETRIES = new LongAdder();

    /**
     * A Leeway server with its audit log off, on an H2 file database (the default store, with its
     * durability settings) or on PostgreSQL (a schema of its own at 127.0.0.1:5432, database test).
     */
    @State(Scope.Benchmark)
    public static class DecideServer {

        @Param({"off", "h2", "postgresql"})
        public String audit;

        Server server;

        @Setup
        public void start() throws IOException {
            server = Server.start(audit);
        }

        @TearDown
        public void stop() throws SQLException, IOException {
            server.reportAuditCommits(audit);
            server.stop();
        }
    }

    /** The same server with the trivial endpoint; it records nothing, so it runs once. */
    @State(Scope.Benchmark)
    public static class TrivialServer {

        Server server;

        @Setup
        public void start() throws IOException {
            server = Server.start("off");
        }

        @TearDown
        public void stop() throws SQLException, IOException {
            server.stop();
        }
    }

    record Server(ConfigurableApplicationContext context, HttpClient client, HttpRequest decide, HttpRequest trivial,
            String postgresSchema, Path h2Directory) {

        static Server start(String audit) throws IOException {
            List<String> properties = new ArrayList<>(List.of("server.port=0", "server.tomcat.max-keep-alive-requests=-1",
                    "logging.level.root=WARN", "spring.main.banner-mode=off", "leeway.rules.watch=false"));
            String schema = null;
            Path h2Directory = null;
            switch (audit) {
                case "off" -> properties.addAll(List.of("leeway.audit.enabled=false",
                        "spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"));
                case "h2" -> {
                    h2Directory = Files.createTempDirectory("leeway-bench-");
                    properties.add("spring.datasource.url=jdbc:h2:file:" + h2Directory + "/leeway;DB_CLOSE_ON_EXIT=FALSE");
                }
                case "postgresql" -> {
                    schema = "leeway_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                    properties.addAll(List.of("spring.profiles.active=postgresql",
                            "spring.datasource.url=" + POSTGRES + "?currentSchema=" + schema,
                            "spring.datasource.username=postgres", "spring.datasource.password=",
                            "spring.flyway.schemas=" + schema, "spring.flyway.create-schemas=true"));
                }
                default -> throw new IllegalArgumentException("audit must be off, h2 or postgresql, not " + audit);
            }
            // As the executable jar runs it.
            LeewayApplication.useH2WithoutObjectCache();
            // As command-line arguments: they outrank every configuration file, including the test
            // class path's config/application.yaml, which would otherwise swap in an in-memory database.
            ConfigurableApplicationContext context = new SpringApplicationBuilder(LeewayApplication.class, TrivialEndpoint.class)
                    .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            return new Server(context, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    post(port, "/api/v1/decisions"), post(port, "/bench/trivial"), schema, h2Directory);
        }

        /** What explains the audit modes' figures: how many records shared a commit, and how long one took. */
        void reportAuditCommits(String audit) {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            DistributionSummary batches = meters.find("leeway.audit.batch.size").summary();
            Timer commits = meters.find("leeway.audit.commit").timer();
            if (batches == null || commits == null || batches.count() == 0) {
                return;
            }
            System.out.printf("%naudit %s, whole run including warm-up: %d commits, %.2f records per commit, "
                    + "%.0f µs per commit on average%n", audit, batches.count(), batches.mean(),
                    commits.mean(TimeUnit.MICROSECONDS));
        }

        void stop() throws SQLException, IOException {
            System.out.println("transport-level retries in this run: " + TRANSPORT_RETRIES.sum());
            context.close();
            if (h2Directory != null) {
                // A run leaves about 2 GB of H2 file behind; nothing reads it afterwards.
                FileSystemUtils.deleteRecursively(h2Directory);
            }
            if (postgresSchema != null) {
                try (var connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                        var statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + postgresSchema + " CASCADE");
                }
            }
        }
    }

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @Benchmark
    public int decideEndpoint(DecideServer server) throws IOException, InterruptedException {
        return send(server.server.client(), server.server.decide());
    }

    @Benchmark
    public int trivialEndpoint(TrivialServer server) throws IOException, InterruptedException {
        return send(server.server.client(), server.server.trivial());
    }

    /**
     * At several thousand requests a second the JDK client now and then finds a pooled connection
     * dead ("header parser received no bytes") before the request reached the server. Such a
     * request is sent once more and counted; a second failure, or any status but 200, fails the run.
     */
    private static int send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        try {
            return expectOk(client.send(request, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException transportFailure) {
            TRANSPORT_RETRIES.increment();
            return expectOk(client.send(request, HttpResponse.BodyHandlers.discarding()));
        }
    }

    private static HttpRequest post(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }

    /** A load driver needs the status, not the body: decoding it would spend the server's cores on the client. */
    private static int expectOk(HttpResponse<Void> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("benchmark request failed with HTTP " + response.statusCode());
        }
        return response.statusCode();
    }
}
