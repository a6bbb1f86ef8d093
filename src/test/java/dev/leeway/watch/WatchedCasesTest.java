package dev.leeway.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Watched cases over HTTP: sent with PUT, decided again by the scheduler at each instant their
 * decision changes (the test moves the clock and fires what came due), recorded in the audit log
 * with the scheduler as caller, and telling of what changed in events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leeway.watch.poll-interval=0")
@Import(WatchTestSetup.class)
class WatchedCasesTest {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    DueTimers timers;

    @Autowired
    RecordedEvents events;

    private static String watchedCase(String id, String priority, Instant openedAt, String status) {
        return """
                {"case": {"id": "%s", "priority": "%s", "status": "%s", "openedAt": "%s"},
                 "actor": {"id": "agent-7", "roles": ["AGENT"]}}""".formatted(id, priority, status, openedAt);
    }

    private Reply put(String id, String priority, Instant openedAt, String status) {
        return new HttpApi(port).putJson("/api/v1/cases/" + id, watchedCase(id, priority, openedAt, status));
    }

    private JsonNode record(String decisionId) {
        Reply reply = new HttpApi(port).get("/api/v1/audit/decisions/" + decisionId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The instants the scheduler decided the case at, in the order the audit log holds them. */
    private List<Instant> scheduledEvaluations(String caseId) {
        return new HttpApi(port).everyItem("/api/v1/audit/decisions?caseId=" + caseId).stream()
                .sorted(java.util.Comparator.comparingLong(summary -> summary.path("position").asLong()))
                .map(summary -> record(summary.path("decisionId").asString()))
                .filter(record -> record.path("caller").path("name").asString().equals("leeway-scheduler"))
                .map(record -> Instant.parse(record.path("output").path("evaluatedAt").asString()))
                .toList();
    }

    @Test
    void putDecidesTheCaseNowAndSaysWhenItIsDecidedNextAndWhatThatBrings() {
        Instant opened = clock.instant();
        Reply reply = put("W-PUT", "P2", opened, "OPEN");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode watch = reply.json();
        assertThat(watch.path("watching").asBoolean()).isTrue();
        assertThat(watch.path("revision").asLong()).isEqualTo(1);
        assertThat(Instant.parse(watch.path("lastDecision").path("evaluatedAt").asString())).isEqualTo(opened);
        assertThat(Instant.parse(watch.path("nextEvaluationAt").asString()))
                .isEqualTo(opened.plus(Duration.ofHours(4)).plusMillis(1));
        JsonNode brings = watch.path("nextBrings");
        assertThat(brings).hasSize(1);
        assertThat(brings.get(0).path("event").asString()).isEqualTo("deadline.breached");
        assertThat(brings.get(0).path("kind").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(brings.get(0).path("escalateTo").asString()).isEqualTo("TEAM_LEAD");
        assertThat(Instant.parse(brings.get(0).path("at").asString())).isEqualTo(opened.plus(Duration.ofHours(4)));

        JsonNode shown = new HttpApi(port).get("/api/v1/cases/W-PUT").json();
        assertThat(shown.path("nextEvaluationAt")).isEqualTo(watch.path("nextEvaluationAt"));
        assertThat(shown.path("lastDecision").path("decisionId")).isEqualTo(watch.path("lastDecision").path("decisionId"));
        JsonNode recorded = record(watch.path("lastDecision").path("decisionId").asString());
        assertThat(recorded.path("caller").path("name").asString()).as("the PUT's caller asked").isEqualTo("test-all");
        assertThat(events.of("W-PUT")).as("nothing has happened yet").isEmpty();
    }

    @Test
    void whenTheDeadlinePassesTheSchedulerDecidesAtThatInstantRecordsItAndTellsOfTheBreach() {
        Instant opened = clock.instant();
        put("W-BREACH", "P2", opened, "OPEN");
        Instant breach = opened.plus(Duration.ofHours(4)).plusMillis(1);

        clock.advance(Duration.ofHours(5));
        assertThat(timers.fireDue()).isGreaterThanOrEqualTo(1);

        JsonNode watch = new HttpApi(port).get("/api/v1/cases/W-BREACH").json();
        JsonNode decision = watch.path("lastDecision");
        assertThat(Instant.parse(decision.path("evaluatedAt").asString())).as("decided at the instant, not now")
                .isEqualTo(breach);
        assertThat(decision.path("route").path("escalated").asBoolean()).isTrue();
        assertThat(decision.path("route").path("role").asString()).isEqualTo("TEAM_LEAD");
        JsonNode recorded = record(decision.path("decisionId").asString());
        assertThat(recorded.path("caller").path("name").asString()).isEqualTo("leeway-scheduler");
        assertThat(Instant.parse(recorded.path("input").path("at").asString())).as("replayable").isEqualTo(breach);
        assertThat(new HttpApi(port).get("/api/v1/audit/decisions/" + decision.path("decisionId").asString() + "/replay")
                .json().path("identical").asBoolean()).as("replayed, the same decision").isTrue();
        assertThat(Instant.parse(watch.path("nextEvaluationAt").asString()))
                .as("the team lead's hour to contact the customer").isEqualTo(breach.plus(Duration.ofHours(1)));
        assertThat(watch.path("nextBrings").get(0).path("event").asString()).isEqualTo("obligation.due");

        assertThat(events.typesOf("W-BREACH")).containsExactly("deadline.breached", "case.escalated");
        assertThat(events.of("W-BREACH")).allSatisfy(received -> {
            assertThat(received.inTransaction()).as("inside the audit append's transaction").isTrue();
            assertThat(received.event().recordId()).isEqualTo(decision.path("decisionId").asString());
            assertThat(received.event().time()).isEqualTo(breach);
        });
        HttpApi operator = new HttpApi(port);
        assertThat(operator.get("/actuator/metrics/leeway.watch.fired").json().path("measurements").get(0)
                .path("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(operator.get("/actuator/metrics/leeway.watch.lateness").json().path("measurements").findValues("value")
                .stream().mapToDouble(JsonNode::asDouble).max().orElseThrow())
                .as("an hour late, as the clock was moved past it").isGreaterThanOrEqualTo(3600);
        assertThat(operator.get("/actuator/metrics/leeway.watch.cases").json().path("measurements").get(0)
                .path("value").asDouble()).isGreaterThanOrEqualTo(1);
        WatchEventData breached = (WatchEventData) events.of("W-BREACH").get(0).event().data();
        assertThat(breached.kind()).isEqualTo("FIRST_RESPONSE");
        assertThat(breached.due()).isEqualTo(opened.plus(Duration.ofHours(4)));
        assertThat(breached.escalateTo()).isEqualTo("TEAM_LEAD");
    }

    @Test
    void instantsThatCameDueWhileNobodyLookedAreEachDecidedOnceInOrder() {
        Instant opened = clock.instant();
        put("W-LATE", "P1", opened, "NEW");

        clock.advance(Duration.ofHours(10));
        timers.fireDue();
        assertThat(timers.fireDue()).as("nothing fires twice").isZero();

        // The first response is missed after an hour; from then on the contact the rules ask for
        // within the hour comes due every hour, and after eight the resolution deadline passes too.
        List<Instant> expected = java.util.stream.IntStream.rangeClosed(1, 9)
                .mapToObj(hours -> opened.plus(Duration.ofHours(hours)).plusMillis(1)).toList();
        assertThat(scheduledEvaluations("W-LATE")).isEqualTo(expected);
        assertThat(events.typesOf("W-LATE")).containsSubsequence("deadline.breached", "case.escalated",
                "obligation.due", "deadline.breached", "case.escalated");
        assertThat(events.typesOf("W-LATE").stream().filter("deadline.breached"::equals)).hasSize(2);
        assertThat(events.typesOf("W-LATE").stream().filter("obligation.due"::equals)).hasSize(8);
    }

    @Test
    void aCaseThatArrivesAlreadyBreachedTellsOfTheBreachAtOnce() {
        Instant opened = clock.instant().minus(Duration.ofHours(5));
        JsonNode watch = put("W-ARRIVES-LATE", "P2", opened, "OPEN").json();

        assertThat(events.typesOf("W-ARRIVES-LATE")).containsExactly("deadline.breached", "case.escalated");
        assertThat(events.of("W-ARRIVES-LATE").get(0).event().recordId())
                .isEqualTo(watch.path("lastDecision").path("decisionId").asString());

        put("W-ARRIVES-LATE", "P2", opened, "OPEN");
        assertThat(events.typesOf("W-ARRIVES-LATE")).as("sent again, nothing new").hasSize(2);
    }

    @Test
    void aClosedCaseIsDecidedOnceMoreAndNoLongerWatched() {
        Instant opened = clock.instant();
        put("W-CLOSED", "P2", opened, "OPEN");

        Reply closed = put("W-CLOSED", "P2", opened, "CLOSED");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().path("watching").asBoolean()).isFalse();
        assertThat(closed.json().path("nextEvaluationAt").isNull()).isTrue();
        assertThat(record(closed.json().path("lastDecision").path("decisionId").asString()).path("caller").path("name")
                .asString()).isEqualTo("test-all");

        Reply shown = new HttpApi(port).get("/api/v1/cases/W-CLOSED");
        assertThat(shown.status()).isEqualTo(404);
        assertThat(shown.contentType()).startsWith("application/problem+json");
        clock.advance(Duration.ofDays(2));
        timers.fireDue();
        assertThat(scheduledEvaluations("W-CLOSED")).isEmpty();
    }

    @Test
    void deleteStopsTheWatch() {
        Instant opened = clock.instant();
        put("W-STOPPED", "P1", opened, "NEW");

        assertThat(new HttpApi(port).delete("/api/v1/cases/W-STOPPED").status()).isEqualTo(204);
        assertThat(new HttpApi(port).get("/api/v1/cases/W-STOPPED").status()).isEqualTo(404);
        Reply again = new HttpApi(port).delete("/api/v1/cases/W-STOPPED");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("type").asString()).isEqualTo("urn:leeway:problem:case-not-watched");
        clock.advance(Duration.ofHours(3));
        timers.fireDue();
        assertThat(scheduledEvaluations("W-STOPPED")).isEmpty();
    }

    @Test
    void thePathMustNameTheCaseSent() {
        Reply reply = new HttpApi(port).putJson("/api/v1/cases/W-ONE",
                watchedCase("W-OTHER", "P2", clock.instant(), "OPEN"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("case.id");
        assertThat(new HttpApi(port).get("/api/v1/cases/W-OTHER").status()).isEqualTo(404);
    }

    @Test
    void anInstantToDecideAtIsRefusedNamingTheField() {
        Reply reply = new HttpApi(port).putJson("/api/v1/cases/W-AT",
                "{\"case\": {\"id\": \"W-AT\"}, \"at\": \"2026-01-01T00:00:00Z\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("type").asString()).isEqualTo("urn:leeway:problem:invalid-request");
        assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactly("at");
        assertThat(new HttpApi(port).get("/api/v1/cases/W-AT").status()).isEqualTo(404);
    }
}
