package dev.leeway.audit;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Whether the PostgreSQL tests can run: the server at 127.0.0.1:5432 (database {@code test}) answers,
 * or CI demands it ({@code LEEWAY_REQUIRE_POSTGRES=true}), in which case they run and fail loudly.
 */
public final class PostgresAvailability {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private PostgresAvailability() {}

    public static boolean reachable() {
        if ("true".equals(System.getenv("LEEWAY_REQUIRE_POSTGRES"))) {
            return true;
        }
        try (var connection = DriverManager.getConnection(URL, USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            System.err.println("SKIPPING PostgreSQL audit tests: PostgreSQL at 127.0.0.1:5432 is not reachable ("
                    + e.getMessage() + ")");
            return false;
        }
    }
}
