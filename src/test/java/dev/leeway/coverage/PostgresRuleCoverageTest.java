package dev.leeway.coverage;

import dev.leeway.audit.PostgresSchema;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rule coverage on PostgreSQL, the production store, in a schema of its own for this run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgresql")
@EnabledIf(value = "dev.leeway.audit.PostgresAvailability#reachable",
        disabledReason = "PostgreSQL at 127.0.0.1:5432 is not reachable: the PostgreSQL coverage tests were SKIPPED")
class PostgresRuleCoverageTest extends RuleCoverageContract {

    static final PostgresSchema SCHEMA = PostgresSchema.fresh("leeway_coverage");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.configure(registry);
    }

    @AfterAll
    static void dropTheRunsSchema() throws SQLException {
        SCHEMA.drop();
    }
}
