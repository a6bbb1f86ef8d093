package dev.leeway.rules;

import static dev.leeway.HttpApi.find;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BundledRules;
import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Process owners' API: what serves, would a change be accepted, reload, history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulesApiTest {

    static final EditableRules RULES = EditableRules.copyOfBundled();
    static final String GOODWILL = "escapes/goodwill.drl";

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.serveFrom(registry, false);
    }

    @LocalServerPort
    int port;

    HttpApi api;
    String bundledVersion;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
        bundledVersion = api.get("/api/v1/rules").json().path("version").asString();
    }

    @AfterEach
    void putTheBundledRulesBack() {
        RULES.restore();
        assertThat(reload().status()).isEqualTo(200);
    }

    @Test
    void overviewListsTheActiveVersionItsFilesAndEveryRuleWithLineAndMetadata() {
        JsonNode overview = api.get("/api/v1/rules").json();

        assertThat(overview.path("version").asString()).matches("sha256:[0-9a-f]{64}");
        assertThat(overview.path("loadedAt").asString()).isNotBlank();
        JsonNode goodwillFile = find(overview.path("files"), "path", GOODWILL);
        assertThat(goodwillFile.path("hash").asString()).matches("sha256:[0-9a-f]{64}");
        JsonNode rule = find(overview.path("rules"), "id", "escape-goodwill-compensation");
        assertThat(rule.path("file").asString()).isEqualTo(GOODWILL);
        assertThat(rule.path("line").asInt()).isEqualTo(9);
        assertThat(rule.path("metadata").path("owner").asString()).isEqualTo("finance");
        assertThat(rule.path("metadata").path("escape").asString()).isEqualTo("goodwill-compensation");
        assertThat(overview.path("rules").size()).isEqualTo(BundledRules.ruleSet().rules().size());
        assertThat(overview.has("refused")).isFalse();
    }

    @Test
    void validateReportsASyntaxErrorAtFileLineAndColumnWithoutActivatingIt() {
        String broken = RULES.read(GOODWILL).replace("ServiceCase( companyAtFault )", "ServiceCase( companyAtFault ");

        JsonNode report = validate(Map.of("files", List.of(Map.of("path", GOODWILL, "content", broken))));

        assertThat(report.path("valid").asBoolean()).isFalse();
        JsonNode error = report.path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo(GOODWILL);
        assertThat(error.path("line").asInt()).isPositive();
        assertThat(error.path("column").asInt()).isPositive();
        assertThat(api.get("/api/v1/rules").json().path("version").asString()).isEqualTo(bundledVersion);
    }

    @Test
    void validateReportsAScenarioThatTheChangeWouldBreakAtTheScenariosLine() {
        String stingier = RULES.read(GOODWILL).replace(".upTo(50)", ".upTo(30)");

        JsonNode report = validate(Map.of("files", List.of(Map.of("path", GOODWILL, "content", stingier))));

        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(report.path("scenarios").path("failed").asInt()).isEqualTo(1);
        JsonNode error = report.path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo("tests/goodwill.yaml");
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("message").asString())
                .contains("when the company is at fault an agent grants small goodwill without approval");
    }

    @Test
    void validateAcceptsASoundChangeAndNamesTheVersionItWouldHave() {
        String reworded = RULES.read(GOODWILL).replace("Goodwill compensation without approval", "Goodwill on the spot");

        JsonNode report = validate(Map.of("files", List.of(Map.of("path", GOODWILL, "content", reworded))));

        assertThat(report.path("valid").asBoolean()).isTrue();
        assertThat(report.path("errors").size()).isZero();
        assertThat(report.path("warnings").toString()).as("the vocabulary is as every recorded decision's")
                .isEqualTo("[]");
        assertThat(report.path("scenarios").path("run").asInt()).isGreaterThan(50);
        assertThat(report.path("version").asString()).matches("sha256:[0-9a-f]{64}").isNotEqualTo(bundledVersion);
    }

    @Test
    void validateRefusesAPathOutsideTheRulesDirectory() {
        Reply reply = api.postJson("/api/v1/rules/validate",
                HttpApi.json(Map.of("files", List.of(Map.of("path", "../outside.drl", "content", "")))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("files[0].path");
    }

    @Test
    void overviewListsTheCalendarFilesAmongTheRuleSetsFiles() {
        JsonNode overview = api.get("/api/v1/rules").json();

        assertThat(find(overview.path("files"), "path", "calendars/support-nl.yaml").path("hash").asString())
                .matches("sha256:[0-9a-f]{64}");
        assertThat(find(overview.path("files"), "path", "calendars/always.yaml").path("hash").asString())
                .matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void validateReportsASubmittedCalendarsProblemAtFileLineAndColumn() {
        String overlapping = """
                timeZone: Europe/Amsterdam
                hours:
                  mon-fri: ["08:30-12:30", "12:00-17:30"]
                publicHolidays: NL
                """;

        JsonNode report = validate(Map.of("files",
                List.of(Map.of("path", "calendars/support-nl.yaml", "content", overlapping))));

        assertThat(report.path("valid").asBoolean()).isFalse();
        JsonNode error = report.path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo("calendars/support-nl.yaml");
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("column").asInt()).isEqualTo(28);
        assertThat(error.path("message").asString()).isEqualTo("interval 12:00-17:30 overlaps 08:30-12:30 on the same day");
        assertThat(api.get("/api/v1/rules").json().path("version").asString()).isEqualTo(bundledVersion);
    }

    @Test
    void validateAcceptsANewCalendarAndCountsItInTheVersion() {
        JsonNode report = validate(Map.of("files", List.of(Map.of("path", "calendars/weekend-desk.yaml",
                "content", "timeZone: Europe/Amsterdam\nhours:\n  sat-sun: [\"10:00-16:00\"]\n"))));

        assertThat(report.path("valid").asBoolean()).isTrue();
        assertThat(report.path("version").asString()).isNotEqualTo(bundledVersion);
    }

    @Test
    void aBrokenCalendarNeverReplacesTheWorkingSet() {
        RULES.write("calendars/support-nl.yaml", RULES.read("calendars/support-nl.yaml")
                .replace("Europe/Amsterdam", "Europe/Amsterdamm"));

        Reply reload = reload();

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().path("activeVersion").asString()).isEqualTo(bundledVersion);
        assertThat(reload.json().path("errors").get(0).path("file").asString()).isEqualTo("calendars/support-nl.yaml");
        assertThat(reload.json().path("errors").get(0).path("message").asString())
                .startsWith("unknown time zone \"Europe/Amsterdamm\"");
        assertThat(api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"STILL-SERVED\"}}").json()
                .path("ruleSet").path("version").asString()).isEqualTo(bundledVersion);
    }

    @Test
    void reloadActivatesAnEditedFileAndHistoryRecordsWhatChanged() {
        RULES.write(GOODWILL, RULES.read(GOODWILL).replace(".upTo(50)", ".upTo(60)"));

        Reply reload = reload();

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.json().path("status").asString()).isEqualTo("ACTIVATED");
        String newVersion = reload.json().path("activeVersion").asString();
        assertThat(newVersion).isNotEqualTo(bundledVersion);
        JsonNode latest = api.get("/api/v1/rules/history").json().path("items").get(0);
        assertThat(latest.path("version").asString()).isEqualTo(newVersion);
        assertThat(latest.path("previousVersion").asString()).isEqualTo(bundledVersion);
        assertThat(latest.path("trigger").asString()).isEqualTo("api");
        assertThat(latest.path("requestedBy").asString()).as("the authenticated caller")
                .isEqualTo("test-all");
        assertThat(latest.path("changes").size()).isEqualTo(1);
        assertThat(latest.path("changes").get(0).path("path").asString()).isEqualTo(GOODWILL);
        assertThat(latest.path("changes").get(0).path("change").asString()).isEqualTo("MODIFIED");

        JsonNode decision = api.postJson("/api/v1/decisions", """
                {"case": {"id": "G-9", "companyAtFault": true, "currentStep": "TIER1_SCRIPT"},
                 "actor": {"id": "agent-7", "roles": ["AGENT"]},
                 "request": {"action": "GRANT_COMPENSATION", "amount": 55}}
                """).json();
        assertThat(decision.path("ruleSet").path("version").asString()).isEqualTo(newVersion);
        assertThat(decision.path("verdict").path("conditions").toString()).isEqualTo("[\"JUSTIFICATION\"]");
    }

    @Test
    void historyComesInPagesNewestFirstEachSayingWhatChanged() {
        String original = RULES.read(GOODWILL);
        List<String> activated = new ArrayList<>();
        for (int limit : List.of(51, 52, 53)) {
            RULES.write(GOODWILL, original.replace(".upTo(50)", ".upTo(" + limit + ")"));
            activated.add(0, reload().json().path("activeVersion").asString());
        }

        JsonNode first = api.get("/api/v1/rules/history?limit=2").json();
        JsonNode second = api.get("/api/v1/rules/history?limit=2&cursor=" + first.path("nextCursor").asString()).json();

        assertThat(first.path("items").findValuesAsString("version")).containsExactlyElementsOf(activated.subList(0, 2));
        assertThat(second.path("items").get(0).path("version").asString()).isEqualTo(activated.get(2));
        assertThat(second.path("items").get(0).path("previousVersion").asString()).isEqualTo(bundledVersion);
        for (JsonNode activation : List.of(first.path("items").get(0), first.path("items").get(1),
                second.path("items").get(0))) {
            assertThat(activation.path("changes").findValuesAsString("path")).containsExactly(GOODWILL);
            assertThat(activation.path("changes").findValuesAsString("change")).containsExactly("MODIFIED");
        }
    }

    @Test
    void aHistoryCursorFromAnotherListingIsAProblemNamingIt() {
        api.decide("{\"case\": {\"id\": \"H-1\"}}");
        api.decide("{\"case\": {\"id\": \"H-2\"}}");
        String decisionCursor = api.get("/api/v1/audit/decisions?limit=1").json().path("nextCursor").asString();

        Reply reply = api.get("/api/v1/rules/history?cursor=" + decisionCursor);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
        assertThat(api.get("/api/v1/rules/history?limit=0").json().path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
    }

    @Test
    void reloadingUnchangedFilesActivatesNothing() {
        Reply reload = reload();

        assertThat(reload.json().path("status").asString()).isEqualTo("UNCHANGED");
        assertThat(reload.json().path("activeVersion").asString()).isEqualTo(bundledVersion);
    }

    @Test
    void aBrokenFileNeverReplacesTheWorkingSet() {
        RULES.write("procedures/typo.drl", """
                package procedures;
                import dev.leeway.facts.*;
                global dev.leeway.vocabulary.DecisionDraft decision;
                rule "Refers to a field the case does not have"
                    @id("typo") @owner("ops") @description("d")
                when
                    ServiceCase( urgency == "HIGH" )
                then
                    decision.route("TIER2");
                end
                """);

        Reply reload = reload();

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.contentType()).startsWith("application/problem+json");
        assertThat(reload.json().path("type").asString()).isEqualTo("urn:leeway:problem:rule-set-rejected");
        assertThat(reload.json().path("activeVersion").asString()).isEqualTo(bundledVersion);
        JsonNode error = reload.json().path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo("procedures/typo.drl");
        assertThat(error.path("line").asInt()).isEqualTo(7);

        JsonNode overview = api.get("/api/v1/rules").json();
        assertThat(overview.path("version").asString()).isEqualTo(bundledVersion);
        assertThat(overview.path("refused").path("problems").get(0).path("file").asString()).isEqualTo("procedures/typo.drl");

        Reply health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("rules").path("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.json().path("components").path("rules").path("details").path("refused").path("problems")
                .get(0).asString()).startsWith("procedures/typo.drl:7:");

        Reply decision = api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"STILL-SERVED\"}}");
        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.json().path("ruleSet").path("version").asString()).isEqualTo(bundledVersion);
    }

    @Test
    void aDuplicateIdIsRefusedNamingBothPlaces() {
        RULES.write("procedures/copy.drl", RULES.read("procedures/holder-permissions.drl")
                .replace("rule \"Whoever holds", "rule \"Copy: whoever holds")
                .replace("rule \"A case not transferred", "rule \"Copy: a case not transferred"));

        Reply reload = reload();

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().path("errors").toString()).contains("duplicate @id(\\\"permit-holder-respond\\\")");
    }

    @Test
    void aScenarioThatNoLongerHoldsKeepsTheChangeOut() {
        RULES.write(GOODWILL, RULES.read(GOODWILL).replace(".upTo(50)", ".upTo(30)"));

        Reply reload = reload();

        assertThat(reload.status()).isEqualTo(422);
        assertThat(reload.json().path("errors").get(0).path("file").asString()).isEqualTo("tests/goodwill.yaml");
        assertThat(api.get("/api/v1/rules").json().path("version").asString()).isEqualTo(bundledVersion);
    }

    @Test
    void aNewScenarioThatFailsIsReportedEvenWhenNoRuleChanged() {
        RULES.write("tests/new-expectation.yaml", """
                scenarios:
                  - name: a premium customer is expected at the frontline
                    at: 2026-11-25T10:00:00Z
                    case: { id: N-1, customer: { tier: PREMIUM } }
                    expect:
                      route: { step: TIER1_SCRIPT }
                """);

        Reply reload = reload();

        assertThat(reload.status()).isEqualTo(422);
        JsonNode error = reload.json().path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo("tests/new-expectation.yaml");
        assertThat(error.path("line").asInt()).isEqualTo(2);
        assertThat(reload.json().path("activeVersion").asString()).isEqualTo(bundledVersion);
        assertThat(api.get("/actuator/health").json().path("components").path("rules").path("status").asString())
                .isEqualTo("DEGRADED");
    }

    private JsonNode validate(Object body) {
        Reply reply = api.postJson("/api/v1/rules/validate", HttpApi.json(body));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private Reply reload() {
        return api.postJson("/api/v1/rules/reload", "");
    }
}
