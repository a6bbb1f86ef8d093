package dev.leeway.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BundledRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.TestKeys;
import dev.leeway.security.Permission;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What-if on the audit log: the decisions recorded in a window are replayed, each on the rule set
 * that made it and on a candidate, and the report says per aspect what would change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "leeway.rules.watch=false")
class SimulationOnTheLogApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    HttpApi api;
    String goodwill;
    String vocabulary;

    @BeforeEach
    void connect() throws Exception {
        api = new HttpApi(port);
        goodwill = Files.readString(BundledRules.DIRECTORY.resolve("escapes/goodwill.drl"));
        vocabulary = Files.readString(BundledRules.DIRECTORY.resolve("vocabulary.yaml"));
    }

    /** A recorded window: three at-fault compensations of 40, which a goodwill limit of 30 would change, and two others. */
    private Window recordedWindow(String prefix) {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            grants.add(api.decide(HttpApi.json(grant(prefix + "-GRANT-" + i))).path("decisionId").asString());
        }
        for (int i = 0; i < 2; i++) {
            api.decide(HttpApi.json(Map.of("case", Map.of("id", prefix + "-OTHER-" + i, "category", "DELIVERY"),
                    "at", "2026-11-25T10:00:00Z")));
        }
        return new Window(from, Instant.now().plusMillis(1), grants);
    }

    record Window(Instant from, Instant to, List<String> grantDecisions) {}

    private static Map<String, Object> grant(String caseId) {
        return Map.of(
                "case", Map.of("id", caseId, "companyAtFault", true, "currentStep", "TIER1_SCRIPT"),
                "actor", Map.of("id", "agent-7", "roles", List.of("AGENT")),
                "request", Map.of("action", "GRANT_COMPENSATION", "amount", 40),
                "at", "2026-11-25T10:00:00Z");
    }

    private Map<String, Object> lowerGoodwillLimit(Window window) {
        Map<String, Object> body = new HashMap<>();
        body.put("files", List.of(Map.of("path", "escapes/goodwill.drl", "content", goodwill.replace(".upTo(50)", ".upTo(30)"))));
        body.put("from", window.from().toString());
        body.put("to", window.to().toString());
        return body;
    }

    @Test
    void aWindowOfRecordedDecisionsIsReplayedOnTheRuleSetThatMadeThemAndTheCandidate() {
        Window window = recordedWindow("LOG-SYNC");

        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(lowerGoodwillLimit(window)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.has("activeVersion")).as("each decision replays on its own version").isFalse();
        JsonNode totals = report.path("totals");
        assertThat(totals.path("cases").asLong()).isEqualTo(5);
        assertThat(totals.path("changed").asLong()).isEqualTo(3);
        assertThat(totals.path("unchanged").asLong()).isEqualTo(2);
        assertThat(totals.path("failed").asLong()).isZero();
        assertThat(totals.path("byAspect").path("verdict").asLong()).isEqualTo(3);
        assertThat(totals.path("byAspect").has("route")).isFalse();
        assertThat(report.path("sampleLimit").asInt()).isEqualTo(20);

        JsonNode samples = report.path("cases");
        assertThat(samples.findValuesAsString("decisionId")).containsExactlyInAnyOrderElementsOf(window.grantDecisions());
        JsonNode sample = samples.get(0);
        assertThat(sample.path("at").asString()).as("replayed where it was decided").isEqualTo("2026-11-25T10:00:00Z");
        assertThat(sample.path("ruleSetVersion").asString()).startsWith("sha256:");
        assertThat(sample.path("changes").get(0).path("after").asString()).isEqualTo("allowed provided [APPROVAL:TEAM_LEAD]");
    }

    @Test
    void theWindowIsNarrowedToACaseAsTheAuditListingNarrowsIt() {
        Window window = recordedWindow("LOG-CASE");
        Map<String, Object> body = lowerGoodwillLimit(window);
        body.put("caseId", "LOG-CASE-GRANT-1");

        JsonNode report = api.postJson("/api/v1/rules/simulate", HttpApi.json(body)).json();

        assertThat(report.path("totals").path("cases").asLong()).isEqualTo(1);
        assertThat(report.path("cases").get(0).path("caseId").asString()).isEqualTo("LOG-CASE-GRANT-1");
    }

    @Test
    void aRecordedDecisionTheCandidatesVocabularyRefusesCountsAsFailedWithItsReasonAndTheRestGoOn() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        api.decide(HttpApi.json(Map.of("case", Map.of("id", "LOG-WALK-IN", "channel", "IN_PERSON"))));
        api.decide(HttpApi.json(Map.of("case", Map.of("id", "LOG-BY-PHONE", "channel", "PHONE"))));
        String withoutWalkIns = vocabulary.replace(", IN_PERSON]", "]").replace(", walk-in: IN_PERSON", "");

        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(Map.of(
                "files", List.of(Map.of("path", "vocabulary.yaml", "content", withoutWalkIns)),
                "from", from.toString(), "to", Instant.now().plusMillis(1).toString())));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode totals = reply.json().path("totals");
        assertThat(totals.path("cases").asLong()).isEqualTo(2);
        assertThat(totals.path("failed").asLong()).isEqualTo(1);
        assertThat(totals.path("unchanged").asLong()).isEqualTo(1);
        JsonNode failed = reply.json().path("cases").get(0);
        assertThat(failed.path("caseId").asString()).isEqualTo("LOG-WALK-IN");
        assertThat(failed.path("error").asString()).contains("IN_PERSON");
    }

    @Test
    void exactlyOneOfInputsOrATimeWindowIsAskedForElseTheFieldIsNamed() {
        Map<String, Object> both = new HashMap<>(Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-02T00:00:00Z",
                "inputs", List.of(Map.of("case", Map.of("id", "X")))));
        assertThat(fieldRefused(both)).isEqualTo("inputs");
        assertThat(fieldRefused(Map.of())).isEqualTo("inputs");
        assertThat(fieldRefused(Map.of("from", "2026-11-01T00:00:00Z"))).isEqualTo("to");
        assertThat(fieldRefused(Map.of("to", "2026-11-01T00:00:00Z"))).isEqualTo("from");
        assertThat(fieldRefused(Map.of("from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z"))).isEqualTo("to");
        assertThat(fieldRefused(Map.of("caseId", "X", "inputs", List.of(Map.of("case", Map.of("id", "X"))))))
                .isEqualTo("caseId");
    }

    private String fieldRefused(Map<String, Object> body) {
        Reply reply = api.postJson("/api/v1/rules/simulate", HttpApi.json(body));
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        return reply.json().path("errors").get(0).path("field").asString();
    }

    @Test
    void replayingTheLogAlsoNeedsAuditReadWhileReplayingGivenInputsDoesNot() {
        HttpApi rulesWriterOnly = api.as(TestKeys.only(Permission.RULES_WRITE));

        Reply log = rulesWriterOnly.postJson("/api/v1/rules/simulate",
                HttpApi.json(Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-02T00:00:00Z")));
        Reply background = rulesWriterOnly.postJson("/api/v1/rules/simulations",
                HttpApi.json(Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-02T00:00:00Z")));
        Reply inputs = rulesWriterOnly.postJson("/api/v1/rules/simulate",
                HttpApi.json(Map.of("inputs", List.of(Map.of("case", Map.of("id", "X"))))));

        for (Reply refused : List.of(log, background)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("audit:read");
        }
        assertThat(inputs.status()).isEqualTo(200);
    }

    @Test
    void aBackgroundSimulationReportsTotalsAndSamplesAndExportsEveryChangeAsJsonLinesAndCsv() {
        Window window = recordedWindow("LOG-BG");

        Reply started = api.postJson("/api/v1/rules/simulations", HttpApi.json(lowerGoodwillLimit(window)));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("status").asString()).isEqualTo("RUNNING");
        String location = URI.create(started.header("Location")).getPath();
        JsonNode finished = api.awaited(location, run -> !"RUNNING".equals(run.path("status").asString()),
                Duration.ofSeconds(30));
        assertThat(finished.path("status").asString()).isEqualTo("FINISHED");
        assertThat(finished.path("recordsRead").asLong()).isEqualTo(5);
        assertThat(finished.path("totals").path("changed").asLong()).isEqualTo(3);
        assertThat(finished.path("totals").path("unchanged").asLong()).isEqualTo(2);
        assertThat(finished.path("totals").path("byAspect").path("verdict").asLong()).isEqualTo(3);
        assertThat(finished.path("samples").findValuesAsString("decisionId"))
                .containsExactlyInAnyOrderElementsOf(window.grantDecisions());
        assertThat(finished.path("window").path("from").asString()).isEqualTo(window.from().toString());
        assertThat(finished.has("finishedAt")).isTrue();

        Reply jsonLines = api.get(location + "/changes?format=jsonl");
        assertThat(jsonLines.status()).isEqualTo(200);
        assertThat(jsonLines.contentType()).startsWith("application/x-ndjson");
        List<String> lines = jsonLines.body().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(window.grantDecisions()).contains(line.path("decisionId").asString());
        assertThat(line.path("changes").get(0).path("aspect").asString()).isEqualTo("verdict");

        Reply csv = api.get(location + "/changes?format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("decisionId,caseId,at,ruleSetVersion,aspect,before,after,error");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).contains(",verdict,\"allowed provided [JUSTIFICATION]\",\"allowed provided [APPROVAL:TEAM_LEAD]\",");
    }

    @Test
    void aSimulationNobodyStartedIsNotFound() {
        assertThat(api.get("/api/v1/rules/simulations/0191c0de-0000-7000-8000-000000000000").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/rules/simulations/0191c0de-0000-7000-8000-000000000000/cancel").status())
                .isEqualTo(404);
    }
}
