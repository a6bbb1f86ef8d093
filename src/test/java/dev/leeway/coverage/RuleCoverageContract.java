package dev.leeway.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import dev.leeway.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rule owners see which rules recorded decisions fired, when last, which never fired, and how
 * each escape was offered, used and reviewed, within the time range they ask for, on every
 * database Leeway runs on (the databases unnest the id arrays differently).
 */
@Import(RuleCoverageContract.Clock.class)
abstract class RuleCoverageContract {

    /** Far from the times other tests record at, so that the ranges below hold only this test's decisions. */
    static final Instant START = Instant.parse("2031-05-17T08:00:00Z");
    static final String AGENT = "{\"id\": \"cov-agent\", \"roles\": [\"AGENT\"]}";

    static final EditableRules RULES = EditableRules.copyOfBundled();

    /** A guardrail served only while one test needs it: once removed, decisions it fired still count. */
    static final String FIFTY_CONTACTS = """
            package guardrails;

            import dev.leeway.facts.*;

            global dev.leeway.vocabulary.DecisionDraft decision;

            rule "Fifty contacts about one problem"
                @id("guardrail-fifty-contacts")
                @owner("security")
                @description("A case this persistent is never taken through identity shortcuts.")
            when
                ServiceCase( contactsAboutSameProblem > 50 )
            then
                decision.forbid("SKIP_STEP").ofStep("VERIFY_IDENTITY").reason("This case has come back too often.");
            end
            """;

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.serveFrom(registry, false);
    }

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void countsFiringsLastFiredNeverFiredAndEscapeUsesInTheRange() {
        Instant from = clock.instant();
        JsonNode repeat = api.decide("{\"case\": {\"id\": \"COV-1\", \"contactsAboutSameProblem\": 3}}");
        clock.advance(Duration.ofHours(1));
        JsonNode fault = api.decide("{\"case\": {\"id\": \"COV-2\", \"companyAtFault\": true}}");
        clock.advance(Duration.ofHours(1));
        Instant lastRepeat = clock.instant();
        JsonNode repeatAgain = api.decide("{\"case\": {\"id\": \"COV-3\", \"contactsAboutSameProblem\": 2}}");
        Reply use = api.postJson("/api/v1/decisions/" + repeatAgain.path("decisionId").asString()
                + "/escapes/repeat-contact/invocations", "{\"actor\": " + AGENT + ", \"justification\": \"again\"}");
        assertThat(use.status()).as(use.body()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(5));
        Reply review = api.as(TestKeys.PROBLEM_MANAGER_1).postJson("/api/v1/audit/escapes/"
                + use.json().path("invocationId").asString() + "/review", "{\"outcome\": \"FLAGGED\", \"note\": \"twice\"}");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        Instant to = clock.instant();

        Reply reply = api.get("/api/v1/rules/coverage?from=" + from + "&to=" + to);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode coverage = reply.json();
        assertThat(coverage.path("decisions").asLong()).isEqualTo(3);
        assertThat(coverage.path("ruleSetVersion").asString()).isEqualTo(api.get("/api/v1/rules").json().path("version").asString());

        JsonNode repeatRule = HttpApi.find(coverage.path("rules"), "id", "escape-repeat-contact");
        assertThat(repeatRule.path("fired").asLong()).isEqualTo(2);
        assertThat(Instant.parse(repeatRule.path("lastFiredAt").asString())).isEqualTo(lastRepeat);
        assertThat(repeatRule.path("file").asString()).isEqualTo("escapes/repeat-contact.drl");
        JsonNode goodwillRule = HttpApi.find(coverage.path("rules"), "id", "escape-goodwill-compensation");
        assertThat(goodwillRule.path("fired").asLong()).isEqualTo(1);
        assertThat(Instant.parse(goodwillRule.path("lastFiredAt").asString())).isEqualTo(from.plus(Duration.ofHours(1)));

        Set<String> firedInSomeDecision = firedIds(repeat, fault, repeatAgain);
        Set<String> served = new TreeSet<>();
        api.get("/api/v1/rules").json().path("rules").forEach(rule -> served.add(rule.path("id").asString()));
        Set<String> neverFired = new TreeSet<>(served);
        neverFired.removeAll(firedInSomeDecision);
        assertThat(neverFired).as("the bundled rules hold some that these three cases do not reach").isNotEmpty();
        assertThat(strings(coverage.path("neverFired"))).containsExactlyElementsOf(neverFired);
        assertThat(coverage.path("rules")).hasSize(served.size());
        assertThat(coverage.path("noLongerServed")).isEmpty();

        JsonNode repeatEscape = HttpApi.find(coverage.path("escapes"), "id", "repeat-contact");
        assertThat(repeatEscape.path("served").asBoolean()).isTrue();
        assertThat(repeatEscape.path("offered").asLong()).isEqualTo(2);
        assertThat(repeatEscape.path("used").asLong()).isEqualTo(1);
        assertThat(repeatEscape.path("approved").asLong()).isZero();
        assertThat(repeatEscape.path("flagged").asLong()).isEqualTo(1);
        JsonNode goodwillEscape = HttpApi.find(coverage.path("escapes"), "id", "goodwill-compensation");
        assertThat(goodwillEscape.path("offered").asLong()).isEqualTo(1);
        assertThat(goodwillEscape.path("used").asLong()).isZero();
    }

    @Test
    void theRangeLeavesOutDecisionsBeforeFromAndFromToOn() {
        clock.advance(Duration.ofDays(10));
        api.decide("{\"case\": {\"id\": \"COV-EARLY\", \"contactsAboutSameProblem\": 3}}");
        clock.advance(Duration.ofHours(1));
        Instant from = clock.instant();
        api.decide("{\"case\": {\"id\": \"COV-INSIDE\", \"contactsAboutSameProblem\": 3}}");
        clock.advance(Duration.ofHours(1));
        Instant to = clock.instant();
        api.decide("{\"case\": {\"id\": \"COV-AT-TO\", \"contactsAboutSameProblem\": 3}}");

        JsonNode coverage = api.get("/api/v1/rules/coverage?from=" + from + "&to=" + to).json();

        assertThat(coverage.path("decisions").asLong()).isEqualTo(1);
        JsonNode repeatRule = HttpApi.find(coverage.path("rules"), "id", "escape-repeat-contact");
        assertThat(repeatRule.path("fired").asLong()).isEqualTo(1);
        assertThat(Instant.parse(repeatRule.path("lastFiredAt").asString())).isEqualTo(from);
        assertThat(HttpApi.find(coverage.path("escapes"), "id", "repeat-contact").path("offered").asLong()).isEqualTo(1);
    }

    @Test
    void withoutARangeEveryRecordedDecisionCounts() {
        api.decide("{\"case\": {\"id\": \"COV-ANY\", \"contactsAboutSameProblem\": 3}}");

        JsonNode coverage = api.get("/api/v1/rules/coverage").json();

        assertThat(HttpApi.find(coverage.path("rules"), "id", "escape-repeat-contact").path("fired").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(coverage.has("from")).isFalse();
    }

    @Test
    void rulesThatFiredUnderAnOlderSetAreListedApartFromTheServedOnes() {
        clock.advance(Duration.ofDays(20));
        Instant from = clock.instant();
        try {
            RULES.write("guardrails/fifty-contacts.drl", FIFTY_CONTACTS);
            assertThat(api.post("/api/v1/rules/reload").status()).isEqualTo(200);
            JsonNode decided = api.decide("{\"case\": {\"id\": \"COV-FIFTY\", \"contactsAboutSameProblem\": 60}}");
            assertThat(firedIds(decided)).contains("guardrail-fifty-contacts");
        } finally {
            RULES.restore();
            api.post("/api/v1/rules/reload");
        }
        clock.advance(Duration.ofMinutes(1));

        JsonNode coverage = api.get("/api/v1/rules/coverage?from=" + from + "&to=" + clock.instant()).json();

        JsonNode retired = HttpApi.find(coverage.path("noLongerServed"), "id", "guardrail-fifty-contacts");
        assertThat(retired.path("fired").asLong()).isEqualTo(1);
        assertThat(Instant.parse(retired.path("lastFiredAt").asString())).isEqualTo(from);
        assertThat(coverage.path("rules").findValuesAsString("id")).doesNotContain("guardrail-fifty-contacts")
                .contains("escape-repeat-contact");
        assertThat(coverage.path("neverFired").toString()).doesNotContain("guardrail-fifty-contacts");
    }

    @Test
    void inARangeWithoutDecisionsEveryServedRuleNeverFired() {
        JsonNode coverage = api.get("/api/v1/rules/coverage?from=2040-01-01T00:00:00Z&to=2040-02-01T00:00:00Z").json();

        assertThat(coverage.path("decisions").asLong()).isZero();
        assertThat(coverage.path("neverFired")).hasSize(coverage.path("rules").size()).isNotEmpty();
        assertThat(HttpApi.find(coverage.path("escapes"), "id", "repeat-contact").path("offered").asLong()).isZero();
    }

    @Test
    void toBeforeFromIsAProblemNamingTo() {
        Reply reply = api.get("/api/v1/rules/coverage?from=2031-05-17T10:00:00Z&to=2031-05-17T09:00:00Z");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("to");
    }

    private static Set<String> firedIds(JsonNode... decisions) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode decision : decisions) {
            decision.path("firedRules").forEach(rule -> ids.add(rule.path("id").asString()));
        }
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
