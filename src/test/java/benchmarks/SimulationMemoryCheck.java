package benchmarks;

import dev.leeway.LeewayApplication;
import dev.leeway.TestKeys;
import dev.leeway.audit.AuditEntry;
import dev.leeway.audit.AuditStore;
import dev.leeway.audit.DecisionFilter;
import dev.leeway.audit.RecordKind;
import dev.leeway.audit.StoredRecord;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows that a background what-if on the audit log holds memory flat: a Leeway server on an H2
 * file database, in a JVM with a small heap, records two real decisions (one a lower goodwill
 * limit would change, one it would not), copies them into the log until it holds the number asked
 * for, then simulates the lower limit on all of them through {@code POST /api/v1/rules/simulations},
 * follows it to the end, and exports every change as JSON Lines, sampling the heap in use after
 * each garbage collection. {@code ./mvnw -q test-compile exec:exec@simulation-memory}
 */
public final class SimulationMemoryCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SimulationMemoryCheck() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path directory = Files.createTempDirectory("leeway-simulation-");
        LeewayApplication.useH2WithoutObjectCache();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LeewayApplication.class).run(
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--leeway.rules.watch=false", "--leeway.audit.write-timeout=5m",
                "--spring.datasource.url=jdbc:h2:file:" + directory + "/leeway;DB_CLOSE_ON_EXIT=FALSE");
        try {
            String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            Instant from = Instant.now().minusSeconds(1);
            send(base, "POST", "/api/v1/decisions", Map.of(
                    "case", Map.of("id", "SIM-GRANT", "companyAtFault", true, "currentStep", "TIER1_SCRIPT"),
                    "actor", Map.of("id", "agent-7", "roles", List.of("AGENT")),
                    "request", Map.of("action", "GRANT_COMPENSATION", "amount", 40), "at", "2026-11-25T10:00:00Z"));
            send(base, "POST", "/api/v1/decisions", Map.of("case", Map.of("id", "SIM-OTHER", "category", "DELIVERY"),
                    "at", "2026-11-25T10:00:00Z"));
            AuditStore store = context.getBean(AuditStore.class);
            List<StoredRecord> originals = store.decisions(new DecisionFilter(null, null, null, null, from, null), 0, 2);
            long filling = System.nanoTime();
            for (int done = originals.size(); done < records; ) {
                List<AuditEntry> batch = new ArrayList<>();
                for (int i = 0; i < 1_000 && done < records; i++, done++) {
                    StoredRecord original = originals.get(done % 2);
                    batch.add(new AuditEntry(UUID.randomUUID().toString(), RecordKind.DECISION, Instant.now(),
                            original.caseId() + "-" + done, original.actorId(), original.ruleSetVersion(), null,
                            original.payload(), List.of(), List.of(), null));
                }
                store.append(batch);
            }
            System.out.printf("filled %,d decisions in %.0f s%n", records, (System.nanoTime() - filling) / 1e9);

            String goodwill = Files.readString(Path.of("rules/escapes/goodwill.drl"));
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long baseline = runtime.totalMemory() - runtime.freeMemory();
            HeapAfterCollections afterCollections = HeapAfterCollections.watch();
            long simulating = System.nanoTime();
            HttpResponse<String> started = send(base, "POST", "/api/v1/rules/simulations", Map.of(
                    "files", List.of(Map.of("path", "escapes/goodwill.drl", "content", goodwill.replace(".upTo(50)", ".upTo(30)"))),
                    "from", from.toString(), "to", Instant.now().plusSeconds(1).toString()));
            String location = started.headers().firstValue("Location").orElseThrow();
            JsonNode run;
            long lastShown = 0;
            do {
                Thread.sleep(2_000);
                run = JSON.readTree(get(URI.create(location)).body());
                long read = run.path("recordsRead").asLong();
                if (read - lastShown >= records / 10) {
                    // A young collection leaves garbage in the old generation; only a full one shows what is live.
                    long peakSinceLast = afterCollections.peakSinceLastAsked();
                    System.gc();
                    System.out.printf("  %,d read, %.0f s: live heap after a full collection %d MB (after any collection "
                            + "since the last line, at most %d MB)%n", read, (System.nanoTime() - simulating) / 1e9,
                            (runtime.totalMemory() - runtime.freeMemory()) >> 20, peakSinceLast >> 20);
                    lastShown = read;
                }
            } while ("RUNNING".equals(run.path("status").asString()));
            double seconds = (System.nanoTime() - simulating) / 1e9;
            System.out.printf("simulated %,d decisions in %.0f s (%.0f a second): %s, totals %s%n",
                    run.path("recordsRead").asLong(), seconds, run.path("recordsRead").asLong() / seconds,
                    run.path("status").asString(), run.path("totals"));

            long exporting = System.nanoTime();
            long lines = 0;
            try (InputStream body = HTTP.send(authorized(URI.create(location + "/changes?format=jsonl")).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    for (int i = 0; i < n; i++) {
                        lines += buffer[i] == '\n' ? 1 : 0;
                    }
                }
            }
            System.out.printf("exported %,d changed decisions in %.0f s%n", lines, (System.nanoTime() - exporting) / 1e9);
            System.out.printf("heap in use: %d MB before the simulation; during it and the export, at most %d MB left "
                    + "after each of %d garbage collections; max heap %d MB%n", baseline >> 20,
                    afterCollections.peak() >> 20, afterCollections.collections(), runtime.maxMemory() >> 20);
            if (!"FINISHED".equals(run.path("status").asString()) || run.path("recordsRead").asLong() != records
                    || lines != records / 2) {
                throw new IllegalStateException("expected " + records + " replayed and " + records / 2
                        + " changes exported: " + run + ", " + lines + " lines");
            }
        } finally {
            context.close();
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TestKeys.ALL);
    }

    private static HttpResponse<String> send(String base, String method, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(authorized(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
