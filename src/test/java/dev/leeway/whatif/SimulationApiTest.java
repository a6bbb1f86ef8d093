package dev.leeway.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BundledRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What-if: which decisions would a rule change alter, replayed at their original instants. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "leeway.rules.watch=false")
class SimulationApiTest {

    static final Map<String, Object> AT_FAULT_GRANT = Map.of(
            "case", Map.of("id", "AT-FAULT", "companyAtFault", true, "currentStep", "TIER1_SCRIPT"),
            "actor", Map.of("id", "agent-7", "roles", List.of("AGENT")),
            "request", Map.of("action", "GRANT_COMPENSATION", "amount", 40),
            "at", "2026-11-25T10:00:00Z");
    static final Map<String, Object> UNRELATED = Map.of(
            "case", Map.of("id", "UNRELATED", "category", "DELIVERY"),
            "at", "2026-11-25T10:00:00Z");

    @LocalServerPort
    int port;

    HttpApi api;
    String goodwill;

    @BeforeEach
    void connect() throws Exception {
        api = new HttpApi(port);
        goodwill = Files.readString(BundledRules.DIRECTORY.resolve("escapes/goodwill.drl"));
    }

    @Test
    void loweringTheGoodwillLimitChangesOnlyTheVerdictOfTheCaseItCovers() {
        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(Map.of(
                "files", List.of(Map.of("path", "escapes/goodwill.drl", "content", goodwill.replace(".upTo(50)", ".upTo(30)"))),
                "inputs", List.of(AT_FAULT_GRANT, UNRELATED))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.path("activeVersion").asString()).isNotEqualTo(report.path("candidateVersion").asString());
        assertThat(report.path("totals").path("cases").asInt()).isEqualTo(2);
        assertThat(report.path("totals").path("changed").asInt()).isEqualTo(1);
        assertThat(report.path("totals").path("unchanged").asInt()).isEqualTo(1);
        assertThat(report.path("totals").path("byAspect").path("verdict").asInt()).isEqualTo(1);

        JsonNode atFault = report.path("cases").get(0);
        assertThat(atFault.path("caseId").asString()).isEqualTo("AT-FAULT");
        assertThat(atFault.path("at").asString()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(atFault.path("changed").asBoolean()).isTrue();
        JsonNode change = atFault.path("changes").get(0);
        assertThat(change.path("aspect").asString()).isEqualTo("verdict");
        assertThat(change.path("before").asString()).isEqualTo("allowed provided [JUSTIFICATION]");
        assertThat(change.path("after").asString()).isEqualTo("allowed provided [APPROVAL:TEAM_LEAD]");
        assertThat(report.path("cases").get(1).path("changed").asBoolean()).isFalse();

        assertThat(report.path("candidateProblems").get(0).path("file").asString()).isEqualTo("tests/goodwill.yaml");
    }

    @Test
    void removingAnEscapeShowsWhichCasesLoseIt() {
        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(Map.of(
                "remove", List.of("escapes/goodwill.drl"),
                "inputs", List.of(AT_FAULT_GRANT))));

        JsonNode changes = reply.json().path("cases").get(0).path("changes");
        assertThat(changes.findValuesAsString("aspect")).contains("escapes", "verdict");
        JsonNode escapes = RulesOf.aspect(changes, "escapes");
        assertThat(escapes.path("before").asString()).contains("goodwill-compensation");
        assertThat(escapes.path("after").asString()).doesNotContain("goodwill-compensation");
    }

    @Test
    void aCandidateThatDoesNotCompileIsRefusedWithItsErrors() {
        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(Map.of(
                "files", List.of(Map.of("path", "escapes/goodwill.drl", "content", "rule \"unfinished\"")),
                "inputs", List.of(UNRELATED))));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").get(0).path("file").asString()).isEqualTo("escapes/goodwill.drl");
    }

    @Test
    void aCandidateWithABrokenCalendarIsRefusedAtTheCalendarsLine() {
        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(Map.of(
                "files", List.of(Map.of("path", "calendars/always.yaml", "content", "timeZone: UTC\nhours: sometimes\n")),
                "inputs", List.of(UNRELATED))));

        assertThat(reply.status()).isEqualTo(422);
        JsonNode error = reply.json().path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo("calendars/always.yaml");
        assertThat(error.path("line").asInt()).isEqualTo(2);
        assertThat(error.path("column").asInt()).isEqualTo(8);
        assertThat(error.path("message").asString()).startsWith("hours is \"always\" or a mapping from weekdays");
    }

    @Test
    void aSimulationOfMoreInputsThanOneRequestMayReplayIsAProblemNamingTheField() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            inputs.add(Map.of("case", Map.of("id", "SIM-CAP-" + i)));
        }

        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(Map.of("inputs", inputs)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("inputs");
        assertThat(reply.json().path("errors").get(0).path("message").asString()).contains("at most 1000");
    }

    @Test
    void aSimulationWithoutInputsIsAProblemNamingTheField() {
        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(Map.of("inputs", List.of())));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("inputs");
    }

    /** Finds one aspect's change in a case's list of changes. */
    static final class RulesOf {
        static JsonNode aspect(JsonNode changes, String aspect) {
            for (JsonNode change : changes) {
                if (aspect.equals(change.path("aspect").asString())) {
                    return change;
                }
            }
            throw new AssertionError("no change to " + aspect + " in " + changes);
        }
    }
}
