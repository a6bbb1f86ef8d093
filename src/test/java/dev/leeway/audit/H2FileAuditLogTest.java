package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The audit log as shipped: an H2 file database with its journal beside it, where decisions are
 * answered once the journal holds them and reach the database a moment later. Every test of the
 * in-memory database runs here too, so each read is shown to see what was answered before it.
 */
class H2FileAuditLogTest extends H2AuditLogTest {

    private static final Path DIRECTORY = temporaryDirectory();

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIRECTORY + "/leeway;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void healthIsDownWhileTheDatabaseRefusesWhatTheJournalHolds() {
        jdbc.execute("ALTER TABLE audit_record ADD CONSTRAINT refuses_poison CHECK (case_id IS NULL OR case_id <> 'AUD-POISON')");
        JsonNode down;
        try {
            decide(REPEAT_CONTACT.replace("AUD-1", "AUD-POISON"));

            down = api.awaited("/actuator/health",
                    health -> "DOWN".equals(health.path("components").path("auditJournal").path("status").asString()),
                    Duration.ofSeconds(10)).path("components").path("auditJournal");
        } finally {
            jdbc.execute("ALTER TABLE audit_record DROP CONSTRAINT refuses_poison");
        }
        everythingAnsweredIsInTheDatabase();
        JsonNode caughtUp = api.get("/actuator/health").json().path("components").path("auditJournal");

        assertThat(down.path("details").path("recordsWaiting").asLong()).isPositive();
        assertThat(down.path("details").path("failure").asString()).containsIgnoringCase("refuses_poison");
        assertThat(caughtUp.path("status").asString()).isEqualTo("UP");
        assertThat(caughtUp.path("details").path("recordsWaiting").asLong()).isZero();
    }

    @AfterAll
    static void removeTheDatabase() throws IOException {
        FileSystemUtils.deleteRecursively(DIRECTORY);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("leeway-audit-file-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
