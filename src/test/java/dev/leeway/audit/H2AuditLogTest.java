package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
}
