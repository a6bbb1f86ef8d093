package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An organisation retires a tier that recorded decisions used: validate tells the process owner
 * how many decisions were made under rule sets that declared it, the set still serves, requests
 * sending the tier are refused from then on, and the old decisions replay as they were made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RetiredVocabularyValueTest.Clock.class)
@ExtendWith(OutputCaptureExtension.class)
class RetiredVocabularyValueTest {

    static final EditableRules RULES = EditableRules.copyOfBundled();
    static final String VOCABULARY = "vocabulary.yaml";
    static final String BUNDLED_TIERS = "[ENTERPRISE, PREMIUM, STANDARD]";
    static final String WITH_BRONZE = RULES.read(VOCABULARY).replace(BUNDLED_TIERS, "[ENTERPRISE, PREMIUM, STANDARD, BRONZE]");
    static final String WITHOUT_BRONZE = RULES.read(VOCABULARY);

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-11-30T09:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.write(VOCABULARY, WITH_BRONZE);
        RULES.serveFrom(registry, false);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    private Reply decide(HttpApi api, String caseId, String tier) {
        return api.postJson("/api/v1/decisions", """
                {"case": {"id": "%s", "customer": {"id": "CU-1", "tier": "%s"}}}""".formatted(caseId, tier));
    }

    @Test
    void removingATierThatDecisionsUsedIsReportedWithTheirCountWhileTheyStillReplay(CapturedOutput output) {
        HttpApi api = new HttpApi(port);
        String bronzeVersion = api.get("/api/v1/rules").json().path("version").asString();
        String first = decide(api, "R-1", "BRONZE").json().path("decisionId").asString();
        clock.advance(Duration.ofHours(3));
        decide(api, "R-2", "BRONZE");
        Instant last = clock.instant();
        assertThat(decide(api, "R-3", "STANDARD").status()).isEqualTo(200);

        Reply validated = api.postJson("/api/v1/rules/validate",
                HttpApi.json(Map.of("files", List.of(Map.of("path", VOCABULARY, "content", WITHOUT_BRONZE)))));

        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        JsonNode report = validated.json();
        assertThat(report.path("valid").asBoolean()).as("retiring a value is legitimate").isTrue();
        assertThat(report.path("errors")).isEmpty();
        assertThat(report.path("warnings")).hasSize(1);
        JsonNode warning = report.path("warnings").get(0);
        assertThat(warning.path("file").asString()).isEqualTo(VOCABULARY);
        assertThat(warning.path("line").asInt()).as("the tier's values").isEqualTo(lineOf(WITHOUT_BRONZE, BUNDLED_TIERS));
        assertThat(warning.path("column").asInt()).isEqualTo(11);
        JsonNode removed = warning.path("removedValue");
        assertThat(removed.path("dimension").asString()).isEqualTo("tier");
        assertThat(removed.path("value").asString()).isEqualTo("BRONZE");
        assertThat(removed.path("decisions").asLong()).as("every decision of the set that declared it").isEqualTo(3);
        assertThat(Instant.parse(removed.path("lastDecisionAt").asString())).isEqualTo(last);
        assertThat(warning.path("message").asString()).startsWith("tier BRONZE is no longer declared; 3 decisions "
                + "recorded under a rule set that declared it, the last on " + last + ", still replay on their own rule "
                + "set, but requests sending BRONZE will be refused");

        RULES.write(VOCABULARY, WITHOUT_BRONZE);
        Reply reload = api.postJson("/api/v1/rules/reload", "");

        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(reload.json().path("status").asString()).isEqualTo("ACTIVATED");
        assertThat(reload.json().path("warnings").findValuesAsString("value")).containsExactly("BRONZE");
        assertThat(output.getOut().lines().filter(line -> line.contains(" WARN ")
                && line.contains("tier BRONZE is no longer declared"))).as("one WARN line per removed value").hasSize(1);
        JsonNode activation = api.get("/api/v1/rules/history").json().path("items").get(0);
        assertThat(activation.path("version").asString()).isEqualTo(reload.json().path("activeVersion").asString());
        assertThat(activation.path("warnings").get(0).path("removedValue").path("decisions").asLong()).isEqualTo(3);
        assertThat(activation.path("warnings").get(0).path("message").asString()).isEqualTo(warning.path("message").asString());

        Reply refused = decide(api, "R-4", "BRONZE");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("case.customer.tier");

        JsonNode replay = api.get("/api/v1/audit/decisions/" + first + "/replay").json();
        assertThat(replay.path("ruleSetVersion").asString()).isEqualTo(bronzeVersion);
        assertThat(replay.path("identical").asBoolean()).as(replay.toString()).isTrue();

        RULES.write(VOCABULARY, WITHOUT_BRONZE.replace("IN_PERSON]", "IN_PERSON, FAX]"));
        assertThat(api.postJson("/api/v1/rules/reload", "").json().path("status").asString()).isEqualTo("ACTIVATED");
        JsonNode withoutFax = api.postJson("/api/v1/rules/validate",
                HttpApi.json(Map.of("files", List.of(Map.of("path", VOCABULARY, "content", WITHOUT_BRONZE))))).json();
        assertThat(withoutFax.path("warnings").findValuesAsString("value"))
                .as("no decision was made under the set that declared FAX").containsExactly("BRONZE");
    }

    private static int lineOf(String text, String part) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part + " is not in the text");
    }
}
