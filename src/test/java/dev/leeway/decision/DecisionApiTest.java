package dev.leeway.decision;

import static dev.leeway.HttpApi.find;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/decisions} on the bundled charter, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionApiTest {

    private static final String REPEAT_CONTACT = """
            {"case": {"id": "CASE-42", "channel": "CHAT", "category": "TECHNICAL", "priority": "P3", "status": "NEW",
                      "openedAt": "2026-11-25T09:50:00Z", "contactsAboutSameProblem": 3,
                      "customer": {"id": "CU-1", "tier": "STANDARD"}},
             "actor": {"id": "agent-7", "roles": ["AGENT"], "team": "Frontline"},
             "request": {"action": "SKIP_STEP", "step": "TIER1_SCRIPT"},
             "at": "2026-11-25T10:00:00Z"}
            """;

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void repeatContactSkipsTierOneScriptAndGoesToASpecialist() {
        Reply reply = api.postJson("/api/v1/decisions", REPEAT_CONTACT);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode decision = reply.json();
        assertThat(decision.path("caseId").asString()).isEqualTo("CASE-42");
        assertThat(decision.path("evaluatedAt").asString()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(decision.path("ruleSet").path("version").asString()).matches("sha256:[0-9a-f]{64}");
        assertThat(decision.path("route").path("step").asString()).isEqualTo("SPECIALIST");
        assertThat(decision.path("route").path("because").asString())
                .isEqualTo("A problem that comes back skips the tier-1 script and goes to a specialist");

        JsonNode escape = find(decision.path("escapes"), "id", "repeat-contact");
        assertThat(escape.path("skips").get(0).asString()).isEqualTo("TIER1_SCRIPT");
        assertThat(escape.path("allowedRoles").toString()).contains("AGENT");
        assertThat(escape.path("review").path("by").asString()).isEqualTo("PROBLEM_MANAGER");
        assertThat(find(decision.path("flags"), "flag", "LEARNING")).isNotNull();

        assertThat(decision.path("verdict").path("allowed").asBoolean()).isTrue();
        assertThat(decision.path("deadlines").toString()).contains("FIRST_RESPONSE", "RESOLUTION");
        assertThat(decision.path("checklist").toString()).contains("Answer through the channel the customer used: CHAT");
    }

    @Test
    void resolutionClockPausedWhileWaitingIsAnsweredWithItsMinutesWarningAndLevel() {
        // A P2 case opened Monday 09:00 Amsterdam time, waiting for the customer since 11:00.
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "CASE-7", "priority": "P2", "status": "WAITING_FOR_CUSTOMER",
                          "openedAt": "2026-11-23T08:00:00Z", "firstResponseAt": "2026-11-23T08:30:00Z",
                          "statusHistory": [{"status": "OPEN", "at": "2026-11-23T08:00:00Z"},
                                            {"status": "WAITING_FOR_CUSTOMER", "at": "2026-11-23T10:00:00Z"}]},
                 "at": "2026-11-24T10:00:00Z"}
                """);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode resolution = find(reply.json().path("deadlines"), "kind", "RESOLUTION");
        assertThat(resolution.path("clock").asString()).isEqualTo("PAUSED");
        assertThat(resolution.path("calendar").asString()).isEqualTo("support-nl");
        assertThat(resolution.path("elapsedMinutes").asLong()).isEqualTo(120);
        assertThat(resolution.path("remainingMinutes").asLong()).isEqualTo(420);
        // Seven business hours from Tuesday 11:00 if the clock ran again now: Wednesday 09:00.
        assertThat(resolution.path("due").asString()).isEqualTo("2026-11-25T08:00:00Z");
        assertThat(resolution.path("passed").asBoolean()).isFalse();
        JsonNode warning = resolution.path("warnings").get(0);
        assertThat(warning.path("percent").asInt()).isEqualTo(75);
        assertThat(warning.path("reached").asBoolean()).isFalse();
        JsonNode level = resolution.path("levels").get(0);
        assertThat(level.path("percent").asInt()).isEqualTo(100);
        assertThat(level.path("escalateTo").asString()).isEqualTo("MANAGER");
        assertThat(level.path("at").asString()).isEqualTo("2026-11-25T08:00:00Z");
    }

    @Test
    void firedRulesAreListedInFiringOrderWithTheirFiles() {
        JsonNode fired = api.postJson("/api/v1/decisions", REPEAT_CONTACT).json().path("firedRules");

        assertThat(fired.size()).isGreaterThan(5);
        for (int i = 0; i < fired.size(); i++) {
            assertThat(fired.get(i).path("order").asInt()).isEqualTo(i + 1);
            assertThat(fired.get(i).path("file").asString()).endsWith(".drl");
            assertThat(fired.get(i).path("id").asString()).isNotBlank();
        }
        assertThat(find(fired, "id", "escape-repeat-contact").path("file").asString())
                .isEqualTo("escapes/repeat-contact.drl");
    }

    @Test
    void sameInputAtTheSameInstantGivesTheSameDecision() {
        ObjectNode first = (ObjectNode) api.postJson("/api/v1/decisions", REPEAT_CONTACT).json();
        ObjectNode second = (ObjectNode) api.postJson("/api/v1/decisions", REPEAT_CONTACT).json();

        assertThat(first.path("decisionId")).isNotEqualTo(second.path("decisionId"));
        first.remove("decisionId");
        second.remove("decisionId");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void decisionIdsAreTimeOrderedUuidSevens() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(UUID.fromString(api.postJson("/api/v1/decisions", REPEAT_CONTACT).json().path("decisionId").asString()));
        }
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        List<String> asText = ids.stream().map(UUID::toString).toList();
        assertThat(asText).isSorted();
    }

    @Test
    void guardrailDenialNamesTheGuardrailEvenWhenAnEscapeWouldAllowIt() {
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "PAY-1", "category": "PAYOUT", "status": "OPEN", "currentStep": "TIER1_SCRIPT",
                          "contactsAboutSameProblem": 2, "tags": ["IDENTITY_VERIFIED_EARLIER"]},
                 "actor": {"id": "agent-7", "roles": ["AGENT"]},
                 "request": {"action": "SKIP_STEP", "step": "VERIFY_IDENTITY"}}
                """);

        JsonNode decision = reply.json();
        assertThat(decision.path("verdict").path("allowed").asBoolean()).isFalse();
        assertThat(decision.path("verdict").path("because").get(0).asString())
                .isEqualTo("Identity verification is never skipped for payouts or account changes");
        assertThat(decision.path("escapes").toString()).doesNotContain("no-reverification");
        JsonNode guardrail = find(decision.path("guardrails"), "id", "guardrail-identity-payouts");
        assertThat(guardrail.path("blockedEscapes").get(0).asString()).isEqualTo("no-reverification");
    }

    @Test
    void withoutARequestThereIsNoVerdict() {
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "Q-1"}, "at": "2026-11-25T10:00:00Z"}
                """);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("verdict")).isFalse();
        assertThat(reply.json().path("route").path("step").asString()).isEqualTo("TIER1_SCRIPT");
    }

    @Test
    void withoutAnInstantTheDecisionIsMadeNow() {
        Instant before = Instant.now();
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "Q-2"}}
                """);

        Instant evaluatedAt = Instant.parse(reply.json().path("evaluatedAt").asString());
        assertThat(evaluatedAt).isBetween(before, Instant.now());
    }

    @Test
    void followUpAfterAHandOffCountsBusinessDaysAcrossTheWeekend() {
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "F-9", "status": "OPEN", "currentStep": "TIER2", "transfers": 1},
                 "at": "2026-11-27T15:00:00Z"}
                """);

        JsonNode followUp = find(reply.json().path("obligations"), "kind", "FOLLOW_UP");
        assertThat(followUp.path("due").asString()).isEqualTo("2026-12-01T15:00:00Z");
        assertThat(followUp.path("owner").asString()).isEqualTo("CASE_OWNER");
    }
}
