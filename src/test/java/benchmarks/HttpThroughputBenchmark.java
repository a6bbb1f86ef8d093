package benchmarks;

import dev.leeway.LeewayApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The decision endpoint against a trivial endpoint in the same server and the same run: both
 * receive the same JSON body over loopback; the trivial one reads it and answers a constant. The
 * ratio of the two is what the decision work costs over bare HTTP.
 */
@State(Scope.Benchmark)
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

    private ConfigurableApplicationContext server;
    private HttpClient client;
    private HttpRequest decide;
    private HttpRequest trivial;

    @Setup
    public void startServer() {
        server = new SpringApplicationBuilder(LeewayApplication.class, TrivialEndpoint.class)
                // Unlimited keep-alive: Tomcat's default closes a connection after 100 requests, which
                // races with the client reusing it and fails requests that have nothing to do with Leeway.
                .properties("server.port=0", "server.tomcat.max-keep-alive-requests=-1",
                        "logging.level.root=WARN", "spring.main.banner-mode=off")
                .run();
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        decide = post(port, "/api/v1/decisions");
        trivial = post(port, "/bench/trivial");
    }

    @TearDown
    public void stopServer() {
        System.out.println("transport-level retries in this run: " + TRANSPORT_RETRIES.sum());
        server.close();
    }

    @Benchmark
    public int decideEndpoint() throws IOException, InterruptedException {
        return send(decide);
    }

    @Benchmark
    public int trivialEndpoint() throws IOException, InterruptedException {
        return send(trivial);
    }

    /**
     * At several thousand requests a second the JDK client now and then finds a pooled connection
     * dead ("header parser received no bytes") before the request reached the server. Such a
     * request is sent once more and counted; a second failure, or any status but 200, fails the run.
     */
    private int send(HttpRequest request) throws IOException, InterruptedException {
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
