package dev.leeway.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How often rules fired and escapes were offered in the decisions recorded in a time range,
 * counted by the database from each record's id arrays ({@code rule_ids}, {@code escape_ids}):
 * no payload is read, whatever the size of the range.
 */
public class RecordedFirings {

    /**
     * @param decisions how many decisions recorded in the range name the id
     * @param lastRecordedAt when the last of them was recorded
     */
    public record Named(long decisions, Instant lastRecordedAt) {}

    private final JdbcTemplate jdbc;
    private final AuditDialect dialect;

    public RecordedFirings(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = AuditDialect.of(dataSource);
    }

    /** Each rule that fired in a decision recorded in [from, to); either bound may be null. */
    public Map<String, Named> rulesFired(Instant from, Instant to) {
        return namedBy("rule_ids", from, to);
    }

    /** Each escape a decision recorded in [from, to) offered; either bound may be null. */
    public Map<String, Named> escapesOffered(Instant from, Instant to) {
        return namedBy("escape_ids", from, to);
    }

    /** How many decisions were recorded in [from, to). */
    public long decisions(Instant from, Instant to) {
        Window window = Window.of(from, to);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE " + window.condition(), Long.class,
                window.arguments().toArray());
        return count == null ? 0 : count;
    }

    private Map<String, Named> namedBy(String column, Instant from, Instant to) {
        Window window = Window.of(from, to);
        AuditDialect.Elements elements = dialect.elements(column, window.condition(), window.arguments());
        Map<String, Named> named = new LinkedHashMap<>();
        jdbc.query("SELECT element, COUNT(*) AS decisions, MAX(recorded_at) AS last_recorded_at FROM ("
                + elements.sql() + ") e GROUP BY element ORDER BY element", row -> {
                    named.put(row.getString("element"), new Named(row.getLong("decisions"),
                            row.getObject("last_recorded_at", OffsetDateTime.class).toInstant()));
                }, elements.arguments());
        return named;
    }

    /** Decisions recorded in [from, to), as a condition on the time index. */
    private record Window(String condition, List<Object> arguments) {

        static Window of(Instant from, Instant to) {
            StringBuilder condition = new StringBuilder("kind = 'DECISION'");
            List<Object> arguments = new ArrayList<>();
            if (from != null) {
                condition.append(" AND recorded_at >= ?");
                arguments.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            }
            if (to != null) {
                condition.append(" AND recorded_at < ?");
                arguments.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            }
            return new Window(condition.toString(), arguments);
        }
    }
}
