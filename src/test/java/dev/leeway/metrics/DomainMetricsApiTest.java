package dev.leeway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BundledRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import dev.leeway.TestKeys;
import dev.leeway.security.Permission;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * What operators scrape at {@code /actuator/prometheus}: decisions, escapes and breaches made
 * through the API move the domain counters by what they were, with labels from the rule set only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leeway.watch.poll-interval=0")
class DomainMetricsApiTest {

    private static final String AGENT = "{\"id\": \"agent-1\", \"roles\": [\"AGENT\"]}";

    private static String repeatContact(String caseId) {
        return """
                {"case": {"id": "%s", "channel": "CHAT", "category": "TECHNICAL", "priority": "P3", "status": "NEW",
                          "openedAt": "2026-11-25T09:50:00Z", "contactsAboutSameProblem": 3,
                          "customer": {"id": "CU-1", "tier": "STANDARD"}},
                 "actor": {"id": "agent-7", "roles": ["AGENT"], "team": "Frontline"},
                 "at": "2026-11-25T10:00:00Z"}""".formatted(caseId);
    }

    /** Watched cases are decided at the clock's instant; the test holds it still. */
    @TestConfiguration
    static class StillClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
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
    void theScrapeIsForOperatorsOnly() {
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        for (Permission permission : Permission.values()) {
            if (permission != Permission.OPS) {
                assertThat(api.as(TestKeys.only(permission)).get("/actuator/prometheus").status())
                        .as("with " + permission).isEqualTo(403);
            }
        }
        Reply scrape = api.as(TestKeys.only(Permission.OPS)).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body()).contains("# TYPE leeway_decisions_total counter");
    }

    @Test
    void answeredDecisionsCountByStepAndEscalationWithTheEscapesTheyOfferedAndTheRulesThatFired() throws Exception {
        PrometheusScrape before = scrape();

        JsonNode first = api.decide(repeatContact("MET-1"));
        JsonNode second = api.decide(repeatContact("MET-2"));
        // Neither a replay nor a what-if run answers a case: they do not count.
        assertThat(api.get("/api/v1/audit/decisions/" + first.path("decisionId").asString() + "/replay").status())
                .isEqualTo(200);
        String unchanged = Files.readString(BundledRules.DIRECTORY.resolve("escapes/repeat-contact.drl"));
        Reply whatIf = api.postJson("/api/v1/rules/simulate", "{\"files\": [{\"path\": \"escapes/repeat-contact.drl\", "
                + "\"content\": " + HttpApi.json(unchanged) + "}], \"inputs\": [" + repeatContact("MET-3") + "]}");
        assertThat(whatIf.status()).as(whatIf.body()).isEqualTo(200);

        PrometheusScrape after = scrape();
        assertThat(first.path("route").path("step").asString()).isEqualTo("SPECIALIST");
        assertThat(after.since(before, "leeway_decisions_total", "step", "SPECIALIST", "escalated", "false"))
                .isEqualTo(2.0);
        assertThat(after.since(before, "leeway_decisions_total", "step", "SPECIALIST", "escalated", "true"))
                .isZero();
        assertThat(after.since(before, "leeway_escapes_offered_total", "escape", "repeat-contact")).isEqualTo(2.0);
        Map<String, Integer> firings = new HashMap<>();
        for (JsonNode decision : new JsonNode[] {first, second}) {
            decision.path("firedRules").forEach(rule -> firings.merge(rule.path("id").asString(), 1, Integer::sum));
        }
        assertThat(firings).isNotEmpty();
        firings.forEach((rule, times) -> assertThat(after.since(before, "leeway_rules_fired_total", "rule", rule))
                .as(rule).isEqualTo(times.doubleValue()));
    }

    @Test
    void usesOfEscapesAndTheirReviewsCountByEscapeAndOutcome() {
        String firstDecision = api.decide(repeatContact("MET-ESC-1")).path("decisionId").asString();
        String secondDecision = api.decide(repeatContact("MET-ESC-2")).path("decisionId").asString();
        PrometheusScrape before = scrape();

        String approvedUse = use(firstDecision, "repeat-contact");
        String flaggedUse = use(secondDecision, "repeat-contact");
        assertThat(use(secondDecision, "no-such-escape")).as("not offered, refused").isNull();
        assertThat(review(approvedUse, "APPROVED").status()).isEqualTo(200);
        assertThat(review(flaggedUse, "FLAGGED").status()).isEqualTo(200);
        assertThat(review(flaggedUse, "APPROVED").status()).as("already settled").isEqualTo(409);

        PrometheusScrape after = scrape();
        assertThat(after.since(before, "leeway_escapes_used_total", "escape", "repeat-contact")).isEqualTo(2.0);
        assertThat(after.since(before, "leeway_escapes_used_total", "escape", "no-such-escape")).isZero();
        assertThat(after.since(before, "leeway_escapes_reviewed_total", "escape", "repeat-contact",
                "outcome", "approved")).isEqualTo(1.0);
        assertThat(after.since(before, "leeway_escapes_reviewed_total", "escape", "repeat-contact",
                "outcome", "flagged")).isEqualTo(1.0);
    }

    @Test
    void aWatchedCaseCountsItsBreachOnceAndAnApiDecisionOfALateCaseNotAtAll() {
        Instant opened = clock.instant().minus(Duration.ofMinutes(90));
        String watched = """
                {"case": {"id": "MET-LATE", "priority": "P1", "status": "OPEN", "openedAt": "%s"},
                 "actor": {"id": "agent-7", "roles": ["AGENT"]}}""".formatted(opened);
        PrometheusScrape before = scrape();

        Reply first = api.putJson("/api/v1/cases/MET-LATE", watched);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        PrometheusScrape once = scrape();
        assertThat(api.putJson("/api/v1/cases/MET-LATE", watched).status()).isEqualTo(200);
        api.decide("""
                {"case": {"id": "MET-LATE-API", "priority": "P1", "status": "OPEN", "openedAt": "%s"},
                 "at": "%s"}""".formatted(opened, clock.instant()));
        PrometheusScrape after = scrape();

        JsonNode deadline = HttpApi.find(first.json().path("lastDecision").path("deadlines"), "kind", "FIRST_RESPONSE");
        assertThat(deadline.path("passed").asBoolean()).isTrue();
        assertThat(once.since(before, "leeway_deadlines_breached_total", "kind", "FIRST_RESPONSE")).isEqualTo(1.0);
        assertThat(after.since(once, "leeway_deadlines_breached_total", "kind", "FIRST_RESPONSE"))
                .as("sent again and decided through the API: the same breach, not counted again").isZero();
        String step = first.json().path("lastDecision").path("route").path("step").asString();
        assertThat(after.since(before, "leeway_decisions_total", "step", step, "escalated", "true"))
                .as("both watched decisions and the API decision are answered decisions").isEqualTo(3.0);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(api.as(TestKeys.only(Permission.OPS)));
    }

    /** @return the use's id, or null when it was refused */
    private String use(String decisionId, String escapeId) {
        Reply reply = api.postJson("/api/v1/decisions/" + decisionId + "/escapes/" + escapeId + "/invocations",
                "{\"actor\": " + AGENT + "}");
        return reply.status() == 201 ? reply.json().path("invocationId").asString() : null;
    }

    private Reply review(String invocationId, String outcome) {
        return api.as(TestKeys.PROBLEM_MANAGER_1).postJson("/api/v1/audit/escapes/" + invocationId + "/review",
                "{\"outcome\": \"" + outcome + "\", \"note\": \"seen\"}");
    }
}
