package dev.leeway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The audit log as shipped: an H2 file database, each batch forced to its file before the answers
 * in it leave. Every test of the in-memory database runs here too.
 */
class H2FileAuditLogTest extends H2AuditLogTest {

    private static final Path DIRECTORY = temporaryDirectory();

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIRECTORY + "/leeway;DB_CLOSE_ON_EXIT=FALSE");
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
