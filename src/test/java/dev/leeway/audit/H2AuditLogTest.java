package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leeway.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The audit log on the embedded H2 database (the default store), with masking configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leeway.audit.masking.hashed=case.customer.id",
        "leeway.audit.masking.removed=case.attributes.email",
        "leeway.audit.masking.salt=test-salt"})
class H2AuditLogTest extends AuditLogContract {

    @Override
    void disableGuard() {
        jdbc.execute("DROP TRIGGER audit_record_append_only");
    }

    @Override
    void enableGuard() {
        jdbc.execute("CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record "
                + "FOR EACH ROW CALL 'dev.leeway.audit.H2AppendOnlyGuard'");
    }

    @Test
    void configuredSensitiveFieldsAreHashedOrRemovedBeforeStorage() {
        String id = decide(REPEAT_CONTACT).path("decisionId").asString();

        JsonNode input = new HttpApi(port).get("/api/v1/audit/decisions/" + id).json().path("input");

        assertThat(input.path("case").path("customer").path("id").asString()).matches("sha256:[0-9a-f]{64}");
        assertThat(input.path("case").path("attributes").has("email")).isFalse();
        assertThat(input.path("case").path("id").asString()).isEqualTo("AUD-1");
        String stored = jdbc.queryForObject("SELECT payload FROM audit_record WHERE record_id = ?", String.class, id);
        assertThat(stored).doesNotContain("CU-77").doesNotContain("someone@example.org");
    }

    @Test
    void theBlockIndexOfRulesAndEscapesIsOnlyAddedTo() {
        String id = decide(REPEAT_CONTACT.replace("AUD-1", "AUD-BLOCKS")).path("decisionId").asString();
        long block = H2TermBlocks.blockOf(
                positionOf(id));

        // What the writer does after a restart, for a rule its block already holds.
        jdbc.update("MERGE INTO audit_term_block (term_kind, term_id, block) KEY (term_kind, term_id, block) "
                + "VALUES (?, 'escape-repeat-contact', ?)", H2TermBlocks.RULE, block);

        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_term_block WHERE block = ?", block))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_term_block SET block = block + 1000 WHERE block = ?", block))
                .hasMessageContaining("append-only");
        assertThat(new HttpApi(port).get("/api/v1/audit/decisions?rule=escape-repeat-contact&limit=1").json()
                .path("items").findValuesAsString("decisionId")).containsExactly(id);
    }
}
