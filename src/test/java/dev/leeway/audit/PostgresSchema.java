package dev.leeway.audit;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A schema of its own for one test class's run on the shared PostgreSQL database, so that runs
 * (and branches with other migrations) never meet; dropped when the class is done.
 */
public record PostgresSchema(String name) {

    public static PostgresSchema fresh(String prefix) {
        return new PostgresSchema(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    public String url() {
        return PostgresAvailability.URL + "?currentSchema=" + name;
    }

    /** Points the application's data source and Flyway at this schema. */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> PostgresAvailability.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", this::name);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    public void drop() throws SQLException {
        try (var connection = DriverManager.getConnection(PostgresAvailability.URL, PostgresAvailability.USER, "");
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
