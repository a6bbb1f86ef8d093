package dev.leeway.terms;

import static dev.leeway.HttpApi.find;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Requests are read in the bundled vocabulary's words, with each helpdesk's aliases, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VocabularyApiTest {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    private Reply decide(String source, String priority, String status, String tier) {
        return api.postJson("/api/v1/decisions", """
                {%s"case": {"id": "CASE-1", "priority": %s, "status": %s, "openedAt": "2026-11-23T08:00:00Z",
                          "customer": {"id": "CU-1", "tier": %s}},
                 "at": "2026-11-23T09:00:00Z"}
                """.formatted(source == null ? "" : "\"source\": \"" + source + "\", ", quoted(priority), quoted(status),
                quoted(tier)));
    }

    private static String quoted(String value) {
        return value == null ? "null" : value.startsWith("#") ? value.substring(1) : "\"" + value + "\"";
    }

    private static JsonNode error(Reply reply, String field) {
        return find(reply.json().path("errors"), "field", field);
    }

    @Test
    void zendeskNormalIsReadAsP3AndGetsP3Deadlines() {
        Reply zendesk = decide("zendesk", "NORMAL", "open", null);
        Reply declared = decide(null, "P3", "OPEN", null);

        assertThat(zendesk.status()).as(zendesk.body()).isEqualTo(200);
        assertThat(zendesk.json().path("deadlines")).isEqualTo(declared.json().path("deadlines"));
        assertThat(zendesk.json().path("firedRules").toString()).contains("sla-resolution-p3");
    }

    @Test
    void valueOutsideTheVocabularyIsA400NamingTheFieldAndListingTheAllowedValues() {
        Reply reply = decide(null, "P3", "OPEN", "GOLD");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode tier = error(reply, "case.customer.tier");
        assertThat(tier.path("message").asString()).contains("\"GOLD\"", "ENTERPRISE, PREMIUM, STANDARD");
        assertThat(tier.path("allowed").toString()).isEqualTo("[\"ENTERPRISE\",\"PREMIUM\",\"STANDARD\"]");
        assertThat(tier.has("source")).isFalse();
    }

    @Test
    void aliasMissNamesTheSourceAndListsItsAliasesBesideTheDeclaredValues() {
        Reply reply = decide("zendesk", "critical", "open", null);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode priority = error(reply, "case.priority");
        assertThat(priority.path("source").asString()).isEqualTo("zendesk");
        assertThat(priority.path("message").asString()).contains("\"critical\"", "zendesk", "urgent, high, normal, low");
        assertThat(priority.path("allowed").toString()).contains("\"urgent\"", "\"P1\"");
    }

    @Test
    void everyUnknownValueOfARequestIsReportedAtOnce() {
        Reply reply = decide(null, "URGENT", "PENDING", "GOLD");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("case.priority", "case.status", "case.customer.tier");
    }

    @Test
    void unknownSourceIsA400ListingTheSourcesTheVocabularyKnows() {
        Reply reply = decide("zendeks", "urgent", "open", null);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode source = error(reply, "source");
        assertThat(source.path("allowed").toString()).contains("zendesk", "freshdesk", "servicenow", "jira");
    }

    @Test
    void declaredValuesAreMatchedWithoutRegardToCaseAndAnsweredAsDeclared() {
        Reply reply = decide(null, "p1", "new", "enterprise");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("firedRules").toString()).contains("sla-first-response-p1");
    }

    @Test
    void serviceNowSendsNumbersAndItsPlanningPriorityCountsAsP4() {
        Reply planning = decide("servicenow", "#5", "#2", null);
        Reply low = decide(null, "P4", "OPEN", null);

        assertThat(planning.status()).as(planning.body()).isEqualTo(200);
        assertThat(planning.json().path("deadlines")).isEqualTo(low.json().path("deadlines"));
    }

    @Test
    void freshdeskPendingStatusPausesTheResolutionClockAsWaitingForTheCustomerDoes() {
        Reply reply = decide("freshdesk", "#2", "#3", null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(find(reply.json().path("deadlines"), "kind", "RESOLUTION").path("clock").asString())
                .isEqualTo("PAUSED");
    }

    @Test
    void watchedZendeskTicketIsReadThroughItsAliasesAndStopsBeingWatchedOnceZendeskSaysClosed() {
        Reply open = api.putJson("/api/v1/cases/ZD-9", """
                {"source": "zendesk", "case": {"id": "ZD-9", "priority": "urgent", "status": "open"}}
                """);
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(open.json().path("watching").asBoolean()).isTrue();
        assertThat(open.json().path("lastDecision").path("firedRules").toString()).contains("sla-first-response-p1");

        Reply closed = api.putJson("/api/v1/cases/ZD-9", """
                {"source": "zendesk", "case": {"id": "ZD-9", "priority": "urgent", "status": "Closed"}}
                """);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("watching").asBoolean()).as("a status the vocabulary calls closed").isFalse();
        assertThat(api.get("/api/v1/cases/ZD-9").status()).isEqualTo(404);
    }

    @Test
    void typedAttributeOfTheWrongTypeIsA400NamingTheAttribute() {
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "CASE-1", "attributes": {"preferredContactTime": 18}}, "at": "2026-11-23T09:00:00Z"}
                """);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply, "case.attributes.preferredContactTime").path("message").asString()).contains("text");
    }

    @Test
    void statusHistoryEntriesAreReadThroughTheSourceToo() {
        Reply reply = api.postJson("/api/v1/decisions", """
                {"source": "jira",
                 "case": {"id": "CASE-1", "priority": "High", "status": "Waiting for customer",
                          "openedAt": "2026-11-23T08:00:00Z", "firstResponseAt": "2026-11-23T08:10:00Z",
                          "statusHistory": [{"status": "In progress", "at": "2026-11-23T08:00:00Z"},
                                            {"status": "waiting for customr", "at": "2026-11-23T08:30:00Z"}]},
                 "at": "2026-11-23T09:00:00Z"}
                """);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply, "case.statusHistory[1].status").path("source").asString()).isEqualTo("jira");
    }
}
