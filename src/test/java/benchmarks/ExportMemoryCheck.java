package benchmarks;

import dev.leeway.audit.AuditEntry;
import dev.leeway.audit.AuditExport;
import dev.leeway.audit.ExportSelection;
import dev.leeway.audit.JdbcAuditStore;
import dev.leeway.audit.RecordKind;
import dev.leeway.audit.StandaloneStore;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows that the audit export holds memory flat: fills an H2 file database with a million records,
 * then exports them all as JSON Lines in a JVM whose heap is far smaller than the export, sampling
 * the heap in use as it goes. {@code ./mvnw -q test-compile exec:exec@export-memory}
 */
public final class ExportMemoryCheck {

    private ExportMemoryCheck() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path directory = Files.createTempDirectory("leeway-export-");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:file:" + directory + "/leeway;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        JdbcAuditStore store = StandaloneStore.on(dataSource);

        String payload = "{\"input\":{\"case\":{\"id\":\"%s\",\"channel\":\"CHAT\",\"category\":\"BILLING\",\"priority\":\"P2\","
                + "\"contactsAboutSameProblem\":2,\"customer\":{\"id\":\"sha256:%s\",\"tier\":\"STANDARD\"}}},"
                + "\"output\":{\"route\":{\"step\":\"SPECIALIST\",\"role\":\"SPECIALIST\"},\"escapes\":[{\"id\":\"repeat-contact\","
                + "\"skips\":[\"TIER1_SCRIPT\"],\"allowedRoles\":[\"AGENT\",\"TIER2_AGENT\",\"SPECIALIST\"]}],\"firedRules\":["
                + "{\"order\":1,\"id\":\"escape-repeat-contact\",\"file\":\"escapes/repeat-contact.drl\"},"
                + "{\"order\":2,\"id\":\"checklist-billing\",\"file\":\"procedures/checklists.drl\"}]}}";
        long filling = System.nanoTime();
        for (int done = 0; done < records; ) {
            List<AuditEntry> batch = new ArrayList<>();
            for (int i = 0; i < 5_000 && done < records; i++, done++) {
                String caseId = "CASE-" + done;
                batch.add(new AuditEntry(UUID.randomUUID().toString(), RecordKind.DECISION, Instant.now(), caseId, "agent-7",
                        "sha256:bench", null, payload.formatted(caseId, UUID.randomUUID()),
                        List.of("escape-repeat-contact", "checklist-billing"), List.of("repeat-contact"), null));
            }
            store.append(batch);
        }
        System.out.printf("filled %,d records in %.0f s%n", records, (System.nanoTime() - filling) / 1e9);

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long baseline = runtime.totalMemory() - runtime.freeMemory();
        HeapAfterCollections afterCollections = HeapAfterCollections.watch();
        CountingSink sink = new CountingSink();
        long exporting = System.nanoTime();
        new AuditExport(store, JsonMapper.builder().build())
                .jsonLines(new ExportSelection(null, null, null, null, null, null), sink);
        System.out.printf("exported %,d lines, %,d MB, in %.0f s%n", sink.lines, sink.bytes >> 20,
                (System.nanoTime() - exporting) / 1e9);
        System.out.printf("heap in use: %d MB before the export; during it, at most %d MB left after each of %d "
                + "garbage collections; max heap %d MB%n", baseline >> 20, afterCollections.peak() >> 20,
                afterCollections.collections(), runtime.maxMemory() >> 20);
        if (sink.lines != records) {
            throw new IllegalStateException("exported " + sink.lines + " of " + records + " records");
        }
    }

    /** Counts what the export writes and throws it away, as a slow client's socket would take it. */
    private static final class CountingSink extends OutputStream {

        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
