package dev.leeway.webhook;

import dev.leeway.audit.PostgresAvailability;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Webhook delivery on PostgreSQL, the production store, in a schema of its own for this run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgresql")
@EnabledIf(value = "dev.leeway.audit.PostgresAvailability#reachable",
        disabledReason = "PostgreSQL at 127.0.0.1:5432 is not reachable: the PostgreSQL webhook tests were SKIPPED")
class PostgresWebhookDeliveryTest extends WebhookDeliveryContract {

    static final String SCHEMA = "leeway_webhooks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

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
