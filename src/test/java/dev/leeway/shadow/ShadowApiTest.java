package dev.leeway.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A shadow rule set decides live requests again beside the serving set; the test drains its queue
 * itself ({@code leeway.shadow.background=false}) so what it counts is known when it looks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"leeway.shadow.background=false", "leeway.shadow.queue-capacity=3"})
class ShadowApiTest {

    static final EditableRules RULES = EditableRules.copyOfBundled();
    static final String GOODWILL = "escapes/goodwill.drl";
    static final String GENEROUS_GOODWILL_FOR_55 = """
            {"case": {"id": "G-55", "companyAtFault": true, "currentStep": "TIER1_SCRIPT"},
             "actor": {"id": "agent-7", "roles": ["AGENT"]},
             "request": {"action": "GRANT_COMPENSATION", "amount": 55}}
            """;

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.serveFrom(registry, false);
    }

    @LocalServerPort
    int port;

    @Autowired
    ShadowRuleSets shadows;

    HttpApi api;
    String bundledVersion;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
        bundledVersion = api.get("/api/v1/rules").json().path("version").asString();
    }

    @AfterEach
    void noShadowAndTheBundledRulesBack() {
        api.delete("/api/v1/rules/shadow");
        RULES.restore();
        assertThat(api.postJson("/api/v1/rules/reload", "").status()).isEqualTo(200);
    }

    @Test
    void aShadowThatRaisesTheGoodwillLimitListsTheLiveDecisionItWouldAnswerDifferently() {
        String shadowVersion = startShadow(generousGoodwill()).path("shadowVersion").asString();

        JsonNode changed = api.decide(GENEROUS_GOODWILL_FOR_55);
        JsonNode unchanged = api.decide("{\"case\": {\"id\": \"PLAIN-1\"}}");
        shadows.drain();

        assertThat(changed.path("ruleSet").path("version").asString()).as("the serving set answers")
                .isEqualTo(bundledVersion);
        JsonNode status = api.get("/api/v1/rules/shadow").json();
        assertThat(status.path("shadowVersion").asString()).isEqualTo(shadowVersion).isNotEqualTo(bundledVersion);
        assertThat(status.path("activeVersion").asString()).isEqualTo(bundledVersion);
        assertThat(status.path("since").asString()).isNotBlank();
        assertThat(status.path("evaluated").asLong()).isEqualTo(2);
        assertThat(status.path("differed").asLong()).isEqualTo(1);
        assertThat(status.path("dropped").asLong()).isZero();
        assertThat(status.path("failed").asLong()).isZero();

        List<JsonNode> differences = api.everyItem("/api/v1/rules/shadow/differences");
        assertThat(differences).hasSize(1);
        JsonNode difference = differences.get(0);
        assertThat(difference.path("decisionId").asString()).isEqualTo(changed.path("decisionId").asString());
        assertThat(difference.path("caseId").asString()).isEqualTo("G-55");
        assertThat(difference.path("at").asString()).isEqualTo(changed.path("evaluatedAt").asString());
        JsonNode verdict = HttpApi.find(difference.path("changes"), "aspect", "verdict");
        assertThat(verdict.path("before").asString()).isNotEqualTo(verdict.path("after").asString());
        assertThat(verdict.path("after").asString()).isEqualTo("allowed provided [JUSTIFICATION]");
        assertThat(unchanged.path("decisionId").asString()).isNotEqualTo(difference.path("decisionId").asString());
        assertThat(metric("leeway.shadow.differences", "aspect:verdict")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFullQueueDropsLiveDecisionsAndCountsThemInsteadOfDelayingTheAnswers() {
        startShadow(generousGoodwill());
        double droppedBefore = metric("leeway.shadow.dropped", null);

        for (int i = 0; i < 5; i++) {
            api.decide("{\"case\": {\"id\": \"BUSY-" + i + "\"}}");
        }

        JsonNode waiting = api.get("/api/v1/rules/shadow").json();
        assertThat(waiting.path("queued").asLong()).isEqualTo(3);
        assertThat(waiting.path("dropped").asLong()).isEqualTo(2);
        assertThat(metric("leeway.shadow.dropped", null) - droppedBefore).isEqualTo(2);
        assertThat(shadows.drain()).isEqualTo(3);
        JsonNode drained = api.get("/api/v1/rules/shadow").json();
        assertThat(drained.path("evaluated").asLong()).isEqualTo(3);
        assertThat(drained.path("queued").asLong()).isZero();
    }

    @Test
    void aPromotedShadowServesIsWrittenToTheRulesDirectoryAndTheHistoryShowsItsStartAndPromotion() {
        String shadowVersion = startShadow(generousGoodwill()).path("shadowVersion").asString();

        Reply promoted = api.post("/api/v1/rules/shadow/promote");

        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().path("status").asString()).isEqualTo("ACTIVATED");
        assertThat(promoted.json().path("activeVersion").asString()).isEqualTo(shadowVersion);
        JsonNode decision = api.decide(GENEROUS_GOODWILL_FOR_55);
        assertThat(decision.path("ruleSet").path("version").asString()).isEqualTo(shadowVersion);
        assertThat(decision.path("verdict").path("conditions").toString()).isEqualTo("[\"JUSTIFICATION\"]");
        assertThat(RULES.read(GOODWILL)).as("a later reload loads what was promoted").contains(".upTo(60)");
        assertThat(api.get("/api/v1/rules/shadow").status()).isEqualTo(404);

        List<JsonNode> history = api.everyItem("/api/v1/rules/history");
        assertThat(history.get(0).path("trigger").asString()).isEqualTo("shadow-promoted");
        assertThat(history.get(0).path("version").asString()).isEqualTo(shadowVersion);
        assertThat(history.get(0).path("previousVersion").asString()).isEqualTo(bundledVersion);
        assertThat(history.get(0).path("changes").findValuesAsString("path")).containsExactly(GOODWILL);
        assertThat(history.get(1).path("trigger").asString()).isEqualTo("shadow-started");
        assertThat(history.get(1).path("version").asString()).isEqualTo(bundledVersion);
        assertThat(history.get(1).path("shadowVersion").asString()).isEqualTo(shadowVersion);
        assertThat(history.get(1).path("requestedBy").asString()).isEqualTo("test-all");
    }

    @Test
    void aDiscardedShadowLeavesTheServingSetAndTheHistoryShowsTheDiscard() {
        String shadowVersion = startShadow(generousGoodwill()).path("shadowVersion").asString();
        api.decide(GENEROUS_GOODWILL_FOR_55);
        shadows.drain();

        Reply discarded = api.delete("/api/v1/rules/shadow");

        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat(discarded.json().path("differed").asLong()).as("its figures at the end").isEqualTo(1);
        assertThat(api.get("/api/v1/rules/shadow").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/rules/shadow/differences").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/rules").json().path("version").asString()).isEqualTo(bundledVersion);
        assertThat(RULES.read(GOODWILL)).contains(".upTo(50)");
        JsonNode latest = api.get("/api/v1/rules/history").json().path("items").get(0);
        assertThat(latest.path("trigger").asString()).isEqualTo("shadow-discarded");
        assertThat(latest.path("version").asString()).isEqualTo(bundledVersion);
        assertThat(latest.path("previousVersion").asString()).isEqualTo(bundledVersion);
        assertThat(latest.path("shadowVersion").asString()).isEqualTo(shadowVersion);
        assertThat(latest.path("changes").size()).isZero();
    }

    @Test
    void aCandidateThatBreaksAScenarioMayNotShadow() {
        String stingy = RULES.read(GOODWILL).replace(".upTo(50)", ".upTo(30)");

        Reply refused = api.postJson("/api/v1/rules/shadow",
                HttpApi.json(Map.of("files", List.of(Map.of("path", GOODWILL, "content", stingy)))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:leeway:problem:rule-set-rejected");
        assertThat(refused.json().path("activeVersion").asString()).isEqualTo(bundledVersion);
        assertThat(refused.json().path("errors").get(0).path("file").asString()).isEqualTo("tests/goodwill.yaml");
        assertThat(api.get("/api/v1/rules/shadow").status()).isEqualTo(404);
    }

    @Test
    void aShadowIsNotPromotedOverADirectoryThatChangedSinceItStarted() {
        startShadow(generousGoodwill());
        String holderPermissions = "procedures/holder-permissions.drl";
        RULES.write(holderPermissions, RULES.read(holderPermissions) + "\n// edited meanwhile\n");

        Reply refused = api.post("/api/v1/rules/shadow/promote");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:leeway:problem:shadow-conflict");
        assertThat(api.get("/api/v1/rules").json().path("version").asString()).isEqualTo(bundledVersion);
        assertThat(RULES.read(GOODWILL)).contains(".upTo(50)");
    }

    private Map<String, Object> generousGoodwill() {
        return Map.of("files", List.of(Map.of("path", GOODWILL,
                "content", RULES.read(GOODWILL).replace(".upTo(50)", ".upTo(60)"))));
    }

    private JsonNode startShadow(Object body) {
        Reply reply = api.postJson("/api/v1/rules/shadow", HttpApi.json(body));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private double metric(String name, String tag) {
        Reply reply = api.get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("measurements").get(0).path("value").asDouble();
    }
}
