package dev.leeway.escape;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How often each escape was used in a time range and how those uses were reviewed, counted by
 * the database from the {@code escape_use} table (the same SQL on H2 and PostgreSQL).
 */
@Component
public class EscapeUseCounts {

    /** Uses made in the range; approved and flagged count those of them reviewed so, by now. */
    public record Counted(long used, long approved, long flagged) {}

    private final JdbcTemplate jdbc;

    public EscapeUseCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each escape used in [from, to); either bound may be null. */
    public Map<String, Counted> byEscape(Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT escape_id, COUNT(*) AS used,"
                + " SUM(CASE WHEN status = 'APPROVED' THEN 1 ELSE 0 END) AS approved,"
                + " SUM(CASE WHEN status = 'FLAGGED' THEN 1 ELSE 0 END) AS flagged FROM escape_use WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (from != null) {
            sql.append(" AND invoked_at >= ?");
            arguments.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" AND invoked_at < ?");
            arguments.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        sql.append(" GROUP BY escape_id ORDER BY escape_id");
        Map<String, Counted> counted = new LinkedHashMap<>();
        jdbc.query(sql.toString(), row -> {
            counted.put(row.getString("escape_id"),
                    new Counted(row.getLong("used"), row.getLong("approved"), row.getLong("flagged")));
        }, arguments.toArray());
        return counted;
    }
}
