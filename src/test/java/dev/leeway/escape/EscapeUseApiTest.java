package dev.leeway.escape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Using an escape a decision offered, and the review that follows: bounded, visible, never silent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EscapeUseApiTest {

    /** The actor the helpdesk asserts; the key named agent-1 is that person's own. */
    static final String AGENT = "{\"id\": \"agent-1\", \"roles\": [\"AGENT\"]}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void usingAnOfferedEscapeIsRecordedAndQueuedForItsReviewer() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-1\", \"contactsAboutSameProblem\": 3}}");

        Reply reply = invoke(decisionId, "repeat-contact", "{\"actor\": " + AGENT + ", \"justification\": \"third call\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode use = reply.json();
        assertThat(use.path("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(use.path("reviewerRole").asString()).isEqualTo("PROBLEM_MANAGER");
        assertThat(use.path("caseId").asString()).isEqualTo("ESC-1");
        String invocationId = use.path("invocationId").asString();
        assertThat(queue("PENDING_REVIEW")).contains(invocationId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE kind = 'ESCAPE_INVOCATION' "
                + "AND record_id = ? AND subject_id = ?", Integer.class, invocationId, decisionId)).isEqualTo(1);
    }

    @Test
    void aReviewSettlesTheUseOnceAndIsRecorded() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-2\", \"contactsAboutSameProblem\": 3}}");
        String invocationId = invoke(decisionId, "repeat-contact", "{\"actor\": " + AGENT + "}").json()
                .path("invocationId").asString();

        Reply own = review(TestKeys.AGENT_1, invocationId, "{\"outcome\": \"APPROVED\", \"note\": \"fine\"}");
        Reply reviewed = review(TestKeys.PROBLEM_MANAGER_1, invocationId,
                "{\"outcome\": \"FLAGGED\", \"note\": \"the script has a known gap here\"}");
        Reply again = review(TestKeys.PROBLEM_MANAGER_2, invocationId, "{\"outcome\": \"APPROVED\", \"note\": \"ok\"}");

        assertThat(own.status()).as("agent-1 holds PROBLEM_MANAGER, but used the escape").isEqualTo(409);
        assertThat(own.json().path("detail").asString()).contains("own use");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().path("status").asString()).isEqualTo("FLAGGED");
        assertThat(reviewed.json().path("reviewedBy").asString()).isEqualTo("pm-1");
        assertThat(again.status()).isEqualTo(409);
        assertThat(queue("PENDING_REVIEW")).doesNotContain(invocationId);
        assertThat(queue("FLAGGED")).contains(invocationId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE kind = 'ESCAPE_REVIEW' AND subject_id = ?",
                Integer.class, invocationId)).isEqualTo(1);
        assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyTheRoleTheEscapeNamesMayReviewItsUse() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-ROLE\", \"contactsAboutSameProblem\": 3}}");
        String invocationId = invoke(decisionId, "repeat-contact", "{\"actor\": " + AGENT + "}").json()
                .path("invocationId").asString();

        Reply byTeamLead = review(TestKeys.TEAM_LEAD_1, invocationId, "{\"outcome\": \"APPROVED\", \"note\": \"ok\"}");

        assertThat(byTeamLead.status()).as(byTeamLead.body()).isEqualTo(409);
        assertThat(byTeamLead.json().path("detail").asString()).contains("PROBLEM_MANAGER").contains("TEAM_LEAD");
        assertThat(queue("PENDING_REVIEW")).as("still waiting for its reviewer").contains(invocationId);
    }

    @Test
    void eachReviewerRoleSeesItsOwnQueue() {
        String repeat = invoke(decide("{\"case\": {\"id\": \"ESC-Q-1\", \"contactsAboutSameProblem\": 3}}"),
                "repeat-contact", "{\"actor\": " + AGENT + "}").json().path("invocationId").asString();
        String goodwill = invoke(decide("{\"case\": {\"id\": \"ESC-Q-2\", \"companyAtFault\": true}}"),
                "goodwill-compensation", "{\"actor\": " + AGENT + ", \"justification\": \"our outage\"}").json()
                .path("invocationId").asString();

        JsonNode teamLeads = api.get("/api/v1/audit/escapes?status=PENDING_REVIEW&reviewerRole=TEAM_LEAD&limit=1000").json();

        assertThat(teamLeads.path("items").findValuesAsString("invocationId")).contains(goodwill).doesNotContain(repeat);
        assertThat(teamLeads.path("items").findValuesAsString("reviewerRole")).containsOnly("TEAM_LEAD");
    }

    @Test
    void auditorsSeeEveryUseOfAnEscapeWithWhereItsReviewStands() {
        String caseId = "ESC-USES-" + System.nanoTime();
        String decisionId = decide("{\"case\": {\"id\": \"" + caseId + "\", \"contactsAboutSameProblem\": 3, "
                + "\"waitingMinutes\": 70, \"currentStep\": \"TIER1_SCRIPT\"}}");
        String reviewed = invoke(decisionId, "repeat-contact", "{\"actor\": " + AGENT + ", \"justification\": \"third call\"}")
                .json().path("invocationId").asString();
        review(TestKeys.PROBLEM_MANAGER_1, reviewed, "{\"outcome\": \"FLAGGED\", \"note\": \"script gap\"}");
        String unreviewed = invoke(decisionId, "long-wait-goodwill", "{\"actor\": " + AGENT + ", \"justification\": \"70 minutes\"}")
                .json().path("invocationId").asString();

        JsonNode uses = api.get("/api/v1/audit/escape-uses?caseId=" + caseId).json().path("items");

        assertThat(uses.findValuesAsString("invocationId")).as("newest first").containsExactly(unreviewed, reviewed);
        assertThat(uses.get(0).path("status").asString()).isEqualTo("NO_REVIEW");
        assertThat(uses.get(0).path("justification").asString()).isEqualTo("70 minutes");
        assertThat(uses.get(1).path("justification").asString()).as("each use with its own record").isEqualTo("third call");
        assertThat(uses.get(1).path("status").asString()).isEqualTo("FLAGGED");
        assertThat(uses.get(1).path("reviewedBy").asString()).isEqualTo("pm-1");
        assertThat(uses.get(1).path("note").asString()).isEqualTo("script gap");
        assertThat(api.get("/api/v1/audit/escape-uses?caseId=" + caseId + "&escape=long-wait-goodwill").json()
                .path("items").findValuesAsString("invocationId")).containsExactly(unreviewed);
        assertThat(api.get("/api/v1/audit/escape-uses?caseId=" + caseId + "&actor=someone-else").json()
                .path("items").size()).isZero();
        assertThat(api.get("/api/v1/audit/escape-uses?caseId=" + caseId + "&status=FLAGGED").json()
                .path("items").findValuesAsString("invocationId")).containsExactly(reviewed);
        assertThat(api.get("/api/v1/audit/escape-uses?caseId=" + caseId + "&status=NO_REVIEW").json()
                .path("items").findValuesAsString("invocationId")).containsExactly(unreviewed);
        Reply unknownStatus = api.get("/api/v1/audit/escape-uses?status=DONE");
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be one of PENDING_REVIEW, APPROVED, FLAGGED, NO_REVIEW");
        JsonNode firstPage = api.get("/api/v1/audit/escape-uses?caseId=" + caseId + "&limit=1").json();
        assertThat(firstPage.path("items").findValuesAsString("invocationId")).containsExactly(unreviewed);
        assertThat(api.get("/api/v1/audit/escape-uses?caseId=" + caseId + "&limit=1&cursor="
                + firstPage.path("nextCursor").asString()).json().path("items").findValuesAsString("invocationId"))
                .containsExactly(reviewed);
    }

    @Test
    void anEscapeWithoutReviewIsRecordedButNeitherQueuedNorReviewed() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-3\", \"waitingMinutes\": 70, \"currentStep\": \"TIER1_SCRIPT\"}}");

        Reply reply = invoke(decisionId, "long-wait-goodwill", "{\"actor\": " + AGENT + ", \"justification\": \"70 minutes\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("status").asString()).isEqualTo("NO_REVIEW");
        String invocationId = reply.json().path("invocationId").asString();
        assertThat(queue("PENDING_REVIEW")).doesNotContain(invocationId);
        Reply review = review(TestKeys.TEAM_LEAD_1, invocationId, "{\"outcome\": \"FLAGGED\", \"note\": \"why so generous\"}");
        assertThat(review.status()).as(review.body()).isEqualTo(409);
        assertThat(review.json().path("detail").asString()).contains("asks for no review");
    }

    @Test
    void anUnknownDecisionIs404() {
        Reply reply = invoke("0191c0de-0000-7000-8000-000000000000", "repeat-contact", "{\"actor\": " + AGENT + "}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anEscapeTheDecisionDidNotOfferIs409() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-4\"}}");

        Reply reply = invoke(decisionId, "goodwill-compensation", "{\"actor\": " + AGENT + ", \"justification\": \"x\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("detail").asString()).contains("did not offer escape goodwill-compensation");
    }

    @Test
    void anEscapeNotMeantForTheActorsRolesIs409() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-5\", \"customer\": {\"churnRisk\": 0.9}}}");

        Reply reply = invoke(decisionId, "retention-offer", "{\"actor\": " + AGENT + ", \"justification\": \"x\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("detail").asString()).contains("RETENTION_SPECIALIST").contains("AGENT");
    }

    @Test
    void aMissingJustificationIs422() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-6\", \"companyAtFault\": true}}");

        Reply reply = invoke(decisionId, "goodwill-compensation", "{\"actor\": " + AGENT + ", \"justification\": \" \"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("detail").asString()).contains("requires a justification");
    }

    @Test
    void aUseByNobodyInParticularIsAProblemNamingTheActorsId() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-ANON\", \"contactsAboutSameProblem\": 3}}");

        Reply anonymousUse = invoke(decisionId, "repeat-contact", "{\"actor\": {\"roles\": [\"AGENT\"]}}");

        assertThat(anonymousUse.status()).as(anonymousUse.body()).isEqualTo(400);
        assertThat(anonymousUse.json().path("errors").findValuesAsString("field")).containsExactly("actor.id");
    }

    @Test
    void aReviewerNamedInTheBodyIsNotBelievedTheAuthenticatedCallerReviews() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-CLAIMED\", \"contactsAboutSameProblem\": 3}}");
        String invocationId = invoke(decisionId, "repeat-contact", "{\"actor\": " + AGENT + "}").json()
                .path("invocationId").asString();

        Reply claimed = review(TestKeys.AGENT_1, invocationId, "{\"reviewer\": {\"id\": \"pm-1\", \"roles\": "
                + "[\"PROBLEM_MANAGER\"]}, \"outcome\": \"APPROVED\", \"note\": \"approved by someone else, honest\"}");
        Reply byTheAssertingClient = review(TestKeys.ALL, invocationId, "{\"outcome\": \"APPROVED\", \"note\": \"fine\"}");

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(400);
        assertThat(claimed.json().path("errors").findValuesAsString("field")).containsExactly("reviewer");
        assertThat(byTheAssertingClient.status()).as("the client that asserted the actor").isEqualTo(409);
        assertThat(byTheAssertingClient.json().path("detail").asString()).contains("test-all");
        assertThat(queue("PENDING_REVIEW")).as("still waiting for a real reviewer").contains(invocationId);
    }

    @Test
    void aUseNamesTheActorAndTheClientThatAssertedItAndAReviewItsAuthenticatedReviewer() {
        String decisionId = decide("{\"case\": {\"id\": \"ESC-WHO\", \"contactsAboutSameProblem\": 3}}");
        JsonNode use = invoke(decisionId, "repeat-contact", "{\"actor\": " + AGENT + "}").json();
        String invocationId = use.path("invocationId").asString();

        JsonNode reviewed = review(TestKeys.PROBLEM_MANAGER_2, invocationId, "{\"outcome\": \"APPROVED\", \"note\": \"ok\"}")
                .json();

        assertThat(use.path("invokedBy").asString()).isEqualTo("agent-1");
        assertThat(use.path("assertedBy").asString()).isEqualTo("test-all");
        assertThat(reviewed.path("reviewedBy").asString()).isEqualTo("pm-2");
        JsonNode listed = api.get("/api/v1/audit/escape-uses?caseId=ESC-WHO").json().path("items").get(0);
        assertThat(listed.path("assertedBy").asString()).isEqualTo("test-all");
        assertThat(jdbc.queryForObject("SELECT actor_id FROM audit_record WHERE kind = 'ESCAPE_REVIEW' AND subject_id = ?",
                String.class, invocationId)).isEqualTo("pm-2");
        assertThat(jdbc.queryForObject("SELECT payload FROM audit_record WHERE record_id = ?", String.class, invocationId))
                .contains("\"assertedBy\":\"test-all\"");
    }

    @Test
    void aReviewWithoutAnOutcomeIsAProblemNamingTheField() {
        Reply reply = review(TestKeys.PROBLEM_MANAGER_1, "0191c0de-0000-7000-8000-000000000000",
                "{\"outcome\": \"MAYBE\", \"note\": \"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("outcome");
    }

    @Test
    void theReviewQueueComesInPagesThatSkipNothingWhenUsesAreReviewedMeanwhile() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String decisionId = decide("{\"case\": {\"id\": \"ESC-PAGE-" + i + "\", \"contactsAboutSameProblem\": 3}}");
            mine.add(invoke(decisionId, "repeat-contact", "{\"actor\": " + AGENT + "}").json().path("invocationId").asString());
        }
        List<String> settledWhilePaging = List.of(mine.get(0), mine.get(2));

        // One use per page, so every use ends a page: the next one must start right after it
        // whether it was settled meanwhile (and left the queue) or not.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            assertThat(++pages).as("pages walked").isLessThan(1000);
            JsonNode page = api.get("/api/v1/audit/escapes?status=PENDING_REVIEW&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.path("items").size()).isLessThanOrEqualTo(1);
            for (JsonNode use : page.path("items")) {
                String invocationId = use.path("invocationId").asString();
                seen.add(invocationId);
                if (settledWhilePaging.contains(invocationId)) {
                    assertThat(review(TestKeys.PROBLEM_MANAGER_1, invocationId,
                            "{\"outcome\": \"APPROVED\", \"note\": \"seen\"}").status()).isEqualTo(200);
                }
            }
            cursor = page.has("nextCursor") ? page.path("nextCursor").asString() : null;
        } while (cursor != null);

        assertThat(seen).containsSubsequence(mine).doesNotHaveDuplicates();
        assertThat(queue("PENDING_REVIEW")).contains(mine.get(1)).doesNotContain(settledWhilePaging);
        assertThat(api.get("/api/v1/audit/escapes?status=APPROVED&limit=1000").json().path("items").findValuesAsString("invocationId"))
                .containsSubsequence(settledWhilePaging);
    }

    @Test
    void anUnknownReviewStatusIsAProblemNamingTheStatusesThereAre() {
        Reply reply = api.get("/api/v1/audit/escapes?status=DONE");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("status");
        assertThat(reply.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be one of PENDING_REVIEW, APPROVED, FLAGGED");
    }

    @Test
    void aCursorTheQueueDidNotHandOutIsAProblemNamingTheCursor() {
        decide("{\"case\": {\"id\": \"ESC-CURSOR-1\"}}");
        decide("{\"case\": {\"id\": \"ESC-CURSOR-2\"}}");
        String decisionListingCursor = api.get("/api/v1/audit/decisions?limit=1").json().path("nextCursor").asString();

        for (String cursor : List.of("not-a-cursor", decisionListingCursor)) {
            Reply reply = api.get("/api/v1/audit/escapes?cursor=" + cursor);

            assertThat(reply.status()).as(cursor).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
            assertThat(reply.json().path("detail").asString()).contains(cursor).contains("start again without one");
        }
    }

    private String decide(String body) {
        return api.decide(body).path("decisionId").asString();
    }

    private Reply invoke(String decisionId, String escapeId, String body) {
        return api.postJson("/api/v1/decisions/" + decisionId + "/escapes/" + escapeId + "/invocations", body);
    }

    private Reply review(String reviewerKey, String invocationId, String body) {
        return api.as(reviewerKey).postJson("/api/v1/audit/escapes/" + invocationId + "/review", body);
    }

    private String queue(String status) {
        return api.get("/api/v1/audit/escapes?status=" + status).body();
    }
}
