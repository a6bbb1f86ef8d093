package dev.leeway.watch;

import dev.leeway.audit.PostgresAvailability;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Timer claims on PostgreSQL, where several instances share the timers, in a schema of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "leeway.watch.poll-interval=0")
@ActiveProfiles("postgresql")
@Import(WatchTestSetup.class)
@EnabledIf(value = "dev.leeway.audit.PostgresAvailability#reachable",
        disabledReason = "PostgreSQL at 127.0.0.1:5432 is not reachable: the PostgreSQL timer tests were SKIPPED")
class PostgresTimerClaimsTest extends TimerClaimsContract {

    static final String SCHEMA = "leeway_watch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresAvailability.URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> PostgresAvailability.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    @AfterAll
    static void dropTheRunsSchema() throws SQLException {
        try (var connection = DriverManager.getConnection(PostgresAvailability.URL, PostgresAvailability.USER, "");
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
