package benchmarks;

import dev.leeway.audit.AuditEntry;
import dev.leeway.audit.DecisionFilter;
import dev.leeway.audit.JdbcAuditStore;
import dev.leeway.audit.RecordKind;
import dev.leeway.audit.StandaloneStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * How long a page of the decision listing takes on the H2 file store, whose rule and escape
 * filters check each record newest first: a log of {@code records} decisions (100,000 by default),
 * a page of 50 for no filter, a rule that fires in every decision, one in every thousandth, one
 * in the oldest decision only, and one that never fired. Prints the median of ten pages of each.
 */
public final class FilterPageCheck {

    private static final int PAGE = 50;
    private static final int RUNS = 10;

    private FilterPageCheck() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path directory = Files.createTempDirectory("leeway-filter-");
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    "jdbc:h2:file:" + directory + "/leeway;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
            JdbcAuditStore store = StandaloneStore.on(dataSource);
            fill(store, records);
            System.out.printf("%,d decisions on H2; median of %d pages of %d:%n", records, RUNS, PAGE);
            time(store, "no filter", new DecisionFilter(null, null, null, null, null, null));
            time(store, "rule in every decision", new DecisionFilter(null, "checklist-billing", null, null, null, null));
            time(store, "rule in every 1,000th", new DecisionFilter(null, "rare-rule", null, null, null, null));
            time(store, "escape in every 1,000th", new DecisionFilter(null, null, "rare-escape", null, null, null));
            time(store, "rule in the oldest only", new DecisionFilter(null, "first-rule", null, null, null, null));
            time(store, "rule that never fired", new DecisionFilter(null, "never-fired", null, null, null, null));
            System.exit(0);
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    private static void fill(JdbcAuditStore store, int records) {
        String payload = "{\"input\":{\"case\":{\"id\":\"%s\",\"channel\":\"CHAT\",\"contactsAboutSameProblem\":2}},"
                + "\"output\":{\"route\":{\"step\":\"SPECIALIST\"},\"padding\":\"" + "x".repeat(1_500) + "\"}}";
        for (int done = 0; done < records; ) {
            List<AuditEntry> batch = new ArrayList<>();
            for (int i = 0; i < 1_000 && done < records; i++, done++) {
                List<String> rules = new ArrayList<>(List.of("checklist-billing", "escape-repeat-contact"));
                List<String> escapes = new ArrayList<>(List.of("repeat-contact"));
                if (done % 1_000 == 500) {
                    rules.add("rare-rule");
                    escapes.add("rare-escape");
                }
                if (done == 0) {
                    rules.add("first-rule");
                }
                String caseId = "CASE-" + done;
                batch.add(new AuditEntry(UUID.randomUUID().toString(), RecordKind.DECISION, Instant.now(), caseId,
                        "agent-" + (done % 50), "sha256:bench", null, payload.formatted(caseId), rules, escapes, null));
            }
            store.append(batch);
        }
    }

    private static void time(JdbcAuditStore store, String what, DecisionFilter filter) {
        store.decisions(filter, 0, PAGE + 1);
        long[] millis = new long[RUNS];
        int found = 0;
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            found = store.decisions(filter, 0, PAGE + 1).size();
            millis[run] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("  %-26s %6d ms  (%d found)%n", what, millis[RUNS / 2], Math.min(found, PAGE));
    }
}
