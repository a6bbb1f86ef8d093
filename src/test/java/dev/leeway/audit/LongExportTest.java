package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import dev.leeway.TestKeys;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An export of a large log takes longer than any request timeout a server is likely to have. Here
 * the asynchronous request timeout is a fifth of a second and the auditor's client reads slowly:
 * the export must still hold every record, not end early as if it were complete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mvc.async.request-timeout=200ms")
class LongExportTest {

    static final int RECORDS = 5_000;

    @LocalServerPort
    int port;

    @Autowired
    AuditStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSlowlyReadExportHoldsEveryRecord() throws Exception {
        String payload = "{\"padding\":\"" + "x".repeat(10_000) + "\"}";
        for (int batch = 0; batch < RECORDS / 100; batch++) {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                entries.add(new AuditEntry(UUID.randomUUID().toString(), RecordKind.DECISION, Instant.now(), "LONG-" + batch,
                        "agent-7", "sha256:test", null, payload, List.of(), List.of(), null));
            }
            store.append(entries);
        }

        long started = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit/export?format=jsonl"))
                        .header("Authorization", "Bearer " + TestKeys.ALL).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                if (++lines % 20 == 0) {
                    Thread.sleep(10);
                }
            }
        }

        assertThat(System.nanoTime() - started).as("the export outlasted the timeout").isGreaterThan(200_000_000L);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lines).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Integer.class))
                .isGreaterThanOrEqualTo(RECORDS);
    }
}
