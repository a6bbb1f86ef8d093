package dev.leeway.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
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

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

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

    /** A P1 case already answered, so that only its resolution deadline runs. */
    private Reply putWithHistory(String id, Instant openedAt, Instant firstResponseAt, String status, String history) {
        return new HttpApi(port).putJson("/api/v1/cases/" + id, """
                {"case": {"id": "%s", "priority": "P1", "status": "%s", "openedAt": "%s", "firstResponseAt": "%s",
                          "statusHistory": [%s]},
                 "actor": {"id": "agent-7", "roles": ["AGENT"]}}""".formatted(id, status, openedAt, firstResponseAt,
                history));
    }

    private static String history(Instant opened, Instant asked) {
        return "{\"status\": \"OPEN\", \"at\": \"%s\"}, {\"status\": \"WAITING_FOR_CUSTOMER\", \"at\": \"%s\"}"
                .formatted(opened, asked);
    }

    private static JsonNode deadline(JsonNode decision, String kind) {
        for (JsonNode deadline : decision.path("deadlines")) {
            if (deadline.path("kind").asString().equals(kind)) {
                return deadline;
            }
        }
        throw new AssertionError("no " + kind + " deadline in " + decision);
    }

    /**
     * Moves the shared clock on to the next Tuesday at that time in Amsterdam, where the support
     * calendar counts. The clock starts in December, whose Tuesdays and Wednesdays are no Dutch holidays.
     */
    private Instant nextTuesdayInAmsterdamAt(LocalTime time) {
        ZonedDateTime tuesday = clock.instant().atZone(AMSTERDAM).with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .with(time);
        clock.advance(Duration.between(clock.instant(), tuesday.toInstant()));
        return clock.instant();
    }

    /** That time in Amsterdam, so many days after the day of {@code day}. */
    private static Instant amsterdam(Instant day, int daysLater, int hour, int minute) {
        return day.atZone(AMSTERDAM).plusDays(daysLater).with(LocalTime.of(hour, minute)).toInstant();
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
        Instant opened = nextTuesdayInAmsterdamAt(LocalTime.of(9, 0));
        Reply reply = put("W-PUT", "P2", opened, "OPEN");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode watch = reply.json();
        assertThat(watch.path("watching").asBoolean()).isTrue();
        assertThat(watch.path("revision").asLong()).isEqualTo(1);
        assertThat(Instant.parse(watch.path("lastDecision").path("evaluatedAt").asString())).isEqualTo(opened);
        // Four business hours from 09:00 on a Tuesday: due at 13:00; three quarters gone at 12:00.
        JsonNode firstResponse = deadline(watch.path("lastDecision"), "FIRST_RESPONSE");
        assertThat(Instant.parse(firstResponse.path("due").asString())).isEqualTo(amsterdam(opened, 0, 13, 0));
        assertThat(Instant.parse(watch.path("nextEvaluationAt").asString())).isEqualTo(amsterdam(opened, 0, 12, 0));
        JsonNode brings = watch.path("nextBrings");
        assertThat(brings).hasSize(1);
        assertThat(brings.get(0).path("event").asString()).isEqualTo("deadline.warning");
        assertThat(brings.get(0).path("kind").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(brings.get(0).path("percent").asInt()).isEqualTo(75);
        assertThat(Instant.parse(brings.get(0).path("at").asString())).isEqualTo(amsterdam(opened, 0, 12, 0));
        // A business day: 8.5 hours left on Tuesday, the last half hour on Wednesday from 08:30.
        assertThat(Instant.parse(deadline(watch.path("lastDecision"), "RESOLUTION").path("due").asString()))
                .isEqualTo(amsterdam(opened, 1, 9, 0));

        JsonNode shown = new HttpApi(port).get("/api/v1/cases/W-PUT").json();
        assertThat(shown.path("nextEvaluationAt")).isEqualTo(watch.path("nextEvaluationAt"));
        assertThat(shown.path("lastDecision").path("decisionId")).isEqualTo(watch.path("lastDecision").path("decisionId"));
        JsonNode recorded = record(watch.path("lastDecision").path("decisionId").asString());
        assertThat(recorded.path("caller").path("name").asString()).as("the PUT's caller asked").isEqualTo("test-all");
        assertThat(events.of("W-PUT")).as("nothing has happened yet").isEmpty();
    }

    @Test
    void whenThreeQuartersOfTheTimeHasGoneTheSchedulerWarnsAtThatInstant() {
        // Opened an hour before closing: one business hour on Tuesday, three on Wednesday from 08:30.
        Instant opened = nextTuesdayInAmsterdamAt(LocalTime.of(16, 30));
        Instant warning = amsterdam(opened, 1, 10, 30);
        Instant due = amsterdam(opened, 1, 11, 30);
        JsonNode sent = put("W-WARNED", "P2", opened, "OPEN").json();
        assertThat(Instant.parse(sent.path("nextEvaluationAt").asString())).isEqualTo(warning);

        clock.advance(Duration.between(clock.instant(), amsterdam(opened, 1, 11, 0)));
        timers.fireDue();

        JsonNode watch = new HttpApi(port).get("/api/v1/cases/W-WARNED").json();
        assertThat(Instant.parse(watch.path("lastDecision").path("evaluatedAt").asString())).isEqualTo(warning);
        assertThat(scheduledEvaluations("W-WARNED")).containsExactly(warning);
        assertThat(events.typesOf("W-WARNED")).containsExactly("deadline.warning");
        WatchEventData warned = (WatchEventData) events.of("W-WARNED").get(0).event().data();
        assertThat(warned.kind()).isEqualTo("FIRST_RESPONSE");
        assertThat(warned.percent()).isEqualTo(75);
        assertThat(warned.due()).isEqualTo(due);
        assertThat(events.of("W-WARNED").get(0).event().time()).isEqualTo(warning);
        assertThat(Instant.parse(watch.path("nextEvaluationAt").asString())).as("the breach comes next").isEqualTo(due);
        assertThat(watch.path("nextBrings").get(0).path("event").asString()).isEqualTo("deadline.breached");
    }

    @Test
    void whenTheDeadlinePassesTheSchedulerDecidesAtThatInstantRecordsItAndTellsOfTheBreach() {
        Instant opened = nextTuesdayInAmsterdamAt(LocalTime.of(9, 0));
        put("W-BREACH", "P2", opened, "OPEN");
        Instant warning = amsterdam(opened, 0, 12, 0);
        Instant breach = amsterdam(opened, 0, 13, 0);

        clock.advance(Duration.ofHours(4).plusMinutes(30));
        assertThat(timers.fireDue()).isGreaterThanOrEqualTo(2);

        JsonNode watch = new HttpApi(port).get("/api/v1/cases/W-BREACH").json();
        JsonNode decision = watch.path("lastDecision");
        assertThat(Instant.parse(decision.path("evaluatedAt").asString())).as("decided at the instant, not now")
                .isEqualTo(breach);
        assertThat(scheduledEvaluations("W-BREACH")).containsExactly(warning, breach);
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

        assertThat(events.typesOf("W-BREACH")).containsExactly("deadline.warning", "deadline.breached", "case.escalated");
        List<RecordedEvents.Received> atTheBreach = events.of("W-BREACH").subList(1, 3);
        assertThat(atTheBreach).allSatisfy(received -> {
            assertThat(received.inTransaction()).as("inside the audit append's transaction").isTrue();
            assertThat(received.event().recordId()).isEqualTo(decision.path("decisionId").asString());
            assertThat(received.event().time()).isEqualTo(breach);
        });
        HttpApi operator = new HttpApi(port);
        assertThat(operator.get("/actuator/metrics/leeway.watch.fired").json().path("measurements").get(0)
                .path("value").asDouble()).isGreaterThanOrEqualTo(2);
        assertThat(operator.get("/actuator/metrics/leeway.watch.lateness").json().path("measurements").findValues("value")
                .stream().mapToDouble(JsonNode::asDouble).max().orElseThrow())
                .as("half an hour late at least, as the clock was moved past it").isGreaterThanOrEqualTo(1800);
        assertThat(operator.get("/actuator/metrics/leeway.watch.cases").json().path("measurements").get(0)
                .path("value").asDouble()).isGreaterThanOrEqualTo(1);
        WatchEventData breached = (WatchEventData) atTheBreach.get(0).event().data();
        assertThat(breached.kind()).isEqualTo("FIRST_RESPONSE");
        assertThat(breached.due()).isEqualTo(breach);
        assertThat(breached.escalateTo()).isEqualTo("TEAM_LEAD");
    }

    @Test
    void whileTheCustomerIsAskedNoTimerIsSetAndTheWaitMovesTheNextEvaluation() {
        // P1 counts around the clock: eight hours to resolve, three quarters gone after six.
        Instant opened = clock.instant();
        Instant answered = opened.plus(Duration.ofMinutes(10));
        Instant asked = opened.plus(Duration.ofHours(2));
        Instant replied = opened.plus(Duration.ofHours(5));
        JsonNode running = putWithHistory("W-PAUSED", opened, answered, "OPEN", "{\"status\": \"OPEN\", \"at\": \"%s\"}"
                .formatted(opened)).json();
        assertThat(Instant.parse(running.path("nextEvaluationAt").asString())).isEqualTo(opened.plus(Duration.ofHours(6)));

        clock.advance(Duration.ofHours(2));
        JsonNode waiting = putWithHistory("W-PAUSED", opened, answered, "WAITING_FOR_CUSTOMER", history(opened, asked))
                .json();
        assertThat(deadline(waiting.path("lastDecision"), "RESOLUTION").path("clock").asString()).isEqualTo("PAUSED");
        assertThat(waiting.path("watching").asBoolean()).isTrue();
        assertThat(waiting.path("nextEvaluationAt").isNull()).as(waiting.toString()).isTrue();
        assertThat(waiting.path("nextBrings")).isEmpty();

        clock.advance(Duration.ofHours(3));
        timers.fireDue();
        assertThat(scheduledEvaluations("W-PAUSED")).as("nothing to wait for while the clock stands still").isEmpty();

        JsonNode resumed = putWithHistory("W-PAUSED", opened, answered, "OPEN", history(opened, asked)
                + ", {\"status\": \"OPEN\", \"at\": \"%s\"}".formatted(replied)).json();
        JsonNode resolution = deadline(resumed.path("lastDecision"), "RESOLUTION");
        assertThat(resolution.path("clock").asString()).isEqualTo("RUNNING");
        assertThat(Instant.parse(resolution.path("due").asString())).isEqualTo(opened.plus(Duration.ofHours(11)));
        assertThat(Instant.parse(resumed.path("nextEvaluationAt").asString()))
                .as("the warning, three hours later than before the wait").isEqualTo(opened.plus(Duration.ofHours(9)));
        assertThat(resumed.path("nextBrings").get(0).path("event").asString()).isEqualTo("deadline.warning");
        assertThat(events.of("W-PAUSED")).isEmpty();
    }

    @Test
    void instantsThatCameDueWhileNobodyLookedAreEachDecidedOnceInOrder() {
        Instant opened = clock.instant();
        put("W-LATE", "P1", opened, "NEW");

        clock.advance(Duration.ofHours(10));
        timers.fireDue();
        assertThat(timers.fireDue()).as("nothing fires twice").isZero();

        // P1 counts around the clock. The first response is warned of after 45 minutes and missed
        // after an hour, the team lead's contact is due an hour after that; the resolution is warned
        // of after six hours and missed after eight, the manager's contact due an hour after that.
        assertThat(scheduledEvaluations("W-LATE")).containsExactly(opened.plus(Duration.ofMinutes(45)),
                opened.plus(Duration.ofHours(1)), opened.plus(Duration.ofHours(2)), opened.plus(Duration.ofHours(6)),
                opened.plus(Duration.ofHours(8)), opened.plus(Duration.ofHours(9)));
        assertThat(events.typesOf("W-LATE")).containsExactly("deadline.warning", "deadline.breached",
                "case.escalated", "obligation.due", "deadline.warning", "deadline.breached", "case.escalated",
                "obligation.due");
    }

    @Test
    void theContactOwedAfterABreachComesDueOnceAnHourAfterItAndIsNotOwedAfresh() {
        // Answered, so only the resolution runs: eight hours around the clock, missed at eight.
        Instant opened = clock.instant();
        Instant breach = opened.plus(Duration.ofHours(8));
        Instant contactDue = breach.plus(Duration.ofHours(1));
        String answered = "{\"status\": \"OPEN\", \"at\": \"%s\"}".formatted(opened);
        putWithHistory("W-CONTACT", opened, opened.plus(Duration.ofMinutes(10)), "OPEN", answered);

        clock.advance(Duration.ofHours(8).plusMinutes(30));
        timers.fireDue();
        JsonNode breached = new HttpApi(port).get("/api/v1/cases/W-CONTACT").json();
        assertThat(Instant.parse(breached.path("nextEvaluationAt").asString())).isEqualTo(contactDue);
        assertThat(breached.path("nextBrings").get(0).path("event").asString()).isEqualTo("obligation.due");
        assertThat(breached.path("nextBrings").get(0).path("owner").asString()).isEqualTo("MANAGER");

        clock.advance(Duration.ofHours(5));
        timers.fireDue();
        assertThat(scheduledEvaluations("W-CONTACT")).as("nothing more after the contact came due")
                .containsExactly(opened.plus(Duration.ofHours(6)), breach, contactDue);
        assertThat(events.typesOf("W-CONTACT").stream().filter("obligation.due"::equals)).hasSize(1);
        RecordedEvents.Received due = events.of("W-CONTACT").stream()
                .filter(received -> received.event().type().wireName().equals("obligation.due")).findFirst().orElseThrow();
        assertThat(due.event().time()).isEqualTo(contactDue);
        assertThat(((WatchEventData) due.event().data()).due()).isEqualTo(contactDue);
        JsonNode overdue = new HttpApi(port).get("/api/v1/cases/W-CONTACT").json();
        assertThat(overdue.path("nextEvaluationAt").isNull()).as(overdue.toString()).isTrue();

        JsonNode sentAgain = putWithHistory("W-CONTACT", opened, opened.plus(Duration.ofMinutes(10)), "OPEN", answered)
                .json();
        assertThat(sentAgain.path("lastDecision").path("obligations").get(0).path("due").asString())
                .as("still due when it was, hours ago").isEqualTo(contactDue.toString());
        assertThat(events.typesOf("W-CONTACT").stream().filter("obligation.due"::equals)).hasSize(1);
    }

    @Test
    void aCaseThatArrivesAlreadyBreachedTellsOfTheBreachAtOnce() {
        Instant opened = clock.instant().minus(Duration.ofMinutes(90));
        JsonNode watch = put("W-ARRIVES-LATE", "P1", opened, "OPEN").json();

        assertThat(events.typesOf("W-ARRIVES-LATE"))
                .containsExactly("deadline.warning", "deadline.breached", "case.escalated");
        assertThat(events.of("W-ARRIVES-LATE").get(0).event().recordId())
                .isEqualTo(watch.path("lastDecision").path("decisionId").asString());

        put("W-ARRIVES-LATE", "P1", opened, "OPEN");
        assertThat(events.typesOf("W-ARRIVES-LATE")).as("sent again, nothing new").hasSize(3);
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
