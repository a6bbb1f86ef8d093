package dev.leeway.watch;

import dev.leeway.audit.PostgresSchema;
import java.sql.SQLException;
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

    static final PostgresSchema SCHEMA = PostgresSchema.fresh("leeway_watch");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.configure(registry);
    }

    @AfterAll
    static void dropTheRunsSchema() throws SQLException {
        SCHEMA.drop();
    }
}
