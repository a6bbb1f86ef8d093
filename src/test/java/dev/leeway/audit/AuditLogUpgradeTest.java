package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BundledRules;
import dev.leeway.HttpApi;
import dev.leeway.LeewayApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Records made before an upgrade are found by what the upgrade added. A use of an escape that asked
 * for no review was only in the audit log before every use was listed (V7); a decision made before
 * H2 kept its rule and escape blocks (V8) is still found by the rules that fired.
 */
class AuditLogUpgradeTest {

    static final String INVOCATION = "0191c0de-0000-7000-8000-0000000000a1";
    static final String DECISION = "0191c0de-0000-7000-8000-0000000000d1";
    static final String OLD_DECISION = "0191c0de-0000-7000-8000-0000000000d2";

    @TempDir
    Path data;

    @Test
    void recordsMadeBeforeTheUpgradeAreFoundByWhatItAdded() throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("leeway") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("5").load().migrate();
        recordAUseAsVersionFiveDid(url);
        recordADecisionAsVersionFiveDid(url);

        try (ConfigurableApplicationContext upgraded = new SpringApplicationBuilder(LeewayApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--leeway.rules.directory=" + BundledRules.DIRECTORY,
                "--leeway.rules.watch=false")) {
            HttpApi api = new HttpApi(Integer.parseInt(upgraded.getEnvironment().getProperty("local.server.port")));
            JsonNode uses = api.get("/api/v1/audit/escape-uses?caseId=CASE-BEFORE-UPGRADE").json().path("items");

            assertThat(uses.findValuesAsString("invocationId")).containsExactly(INVOCATION);
            assertThat(uses.get(0).path("status").asString()).isEqualTo("NO_REVIEW");
            assertThat(uses.get(0).path("escapeId").asString()).isEqualTo("long-wait-goodwill");
            assertThat(uses.get(0).path("justification").asString()).as("from the record").isEqualTo("waited 70 minutes");
            assertThat(api.get("/api/v1/audit/escape-uses?escape=long-wait-goodwill&actor=agent-7").json().path("items")
                    .findValuesAsString("invocationId")).containsExactly(INVOCATION);
            assertThat(api.get("/api/v1/audit/escapes?status=PENDING_REVIEW").body()).doesNotContain(INVOCATION);

            assertThat(api.get("/api/v1/audit/decisions?rule=escape-repeat-contact").json().path("items")
                    .findValuesAsString("decisionId")).containsExactly(OLD_DECISION);
            assertThat(api.get("/api/v1/audit/decisions?escape=repeat-contact").json().path("items")
                    .findValuesAsString("decisionId")).containsExactly(OLD_DECISION);
        }
    }

    /** The chain's first record: a use of an escape that asked for no review. */
    private static void recordAUseAsVersionFiveDid(String url) throws SQLException {
        String payload = """
                {"invocationId":"%s","decisionId":"%s","escapeId":"long-wait-goodwill","caseId":"CASE-BEFORE-UPGRADE",\
                "invokedBy":"agent-7","justification":"waited 70 minutes","requires":["JUSTIFICATION"],\
                "invokedAt":"2026-06-01T10:00:00Z","status":"NO_REVIEW"}""".formatted(INVOCATION, DECISION);
        appendAsVersionFiveDid(url, 1, INVOCATION, "ESCAPE_INVOCATION", "2026-06-01T10:00:00Z", DECISION, payload,
                "ARRAY[]", "ARRAY['long-wait-goodwill']");
    }

    /** The chain's second record: a decision in which one rule fired and offered one escape. */
    private static void recordADecisionAsVersionFiveDid(String url) throws SQLException {
        appendAsVersionFiveDid(url, 2, OLD_DECISION, "DECISION", "2026-06-01T10:01:00Z", null, "{}",
                "ARRAY['escape-repeat-contact']", "ARRAY['repeat-contact']");
    }

    /**
     * A record at the end of the chain, and the head moved to it, as the application appended them
     * then (with made-up hashes: nothing here verifies the chain).
     */
    private static void appendAsVersionFiveDid(String url, int position, String recordId, String kind, String recordedAt,
            String subjectId, String payload, String ruleIds, String escapeIds) throws SQLException {
        String hash = String.valueOf(position).repeat(64);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_record (chain_position, record_id, "
                        + "kind, recorded_at, case_id, actor_id, rule_set_version, subject_id, payload, prev_hash, hash, "
                        + "rule_ids, escape_ids) VALUES (?, ?, ?, ?, 'CASE-BEFORE-UPGRADE', 'agent-7', 'sha256:before', "
                        + "?, ?, ?, ?, " + ruleIds + ", " + escapeIds + ")")) {
            insert.setLong(1, position);
            insert.setString(2, recordId);
            insert.setString(3, kind);
            insert.setObject(4, OffsetDateTime.parse(recordedAt));
            insert.setString(5, subjectId);
            insert.setString(6, payload);
            insert.setString(7, String.valueOf(position - 1).repeat(64));
            insert.setString(8, hash);
            insert.executeUpdate();
            connection.createStatement().executeUpdate(
                    "UPDATE audit_chain_head SET chain_position = " + position + ", hash = '" + hash + "'");
        }
    }
}
