package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leeway.BundledRules;
import dev.leeway.HttpApi;
import dev.leeway.TestKeys;
import dev.leeway.HttpApi.Reply;
import dev.leeway.audit.verification.ChainVerifications;
import dev.leeway.rules.InstanceProperties;
import dev.leeway.rules.RuleFile;
import dev.leeway.rules.RuleSetActivation;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetCompiler;
import java.net.URI;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What auditors rely on, whichever database holds the log: every answered decision is there in
 * full, the chain shows any changed or deleted record, and nothing in the application can change one.
 */
abstract class AuditLogContract {

    static final String GOODWILL = "escapes/goodwill.drl";

    static final String REPEAT_CONTACT = """
            {"case": {"id": "AUD-1", "channel": "CHAT", "contactsAboutSameProblem": 3,
                      "customer": {"id": "CU-77", "tier": "STANDARD"},
                      "attributes": {"email": "someone@example.org"}},
             "actor": {"id": "agent-7", "roles": ["AGENT"]},
             "request": {"action": "SKIP_STEP", "step": "TIER1_SCRIPT"},
             "at": "2026-11-25T10:00:00Z"}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditedDecisions auditedDecisions;

    @Autowired
    InstanceProperties instance;

    @Autowired
    ChainVerifications chainVerifications;

    @Autowired
    AuditStore store;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** Lets a test act as someone with direct database access who bypasses the append-only guard. */
    abstract void disableGuard();

    abstract void enableGuard();

    @Test
    void everyAnsweredDecisionIsRecordedInFull() {
        JsonNode answer = decide(REPEAT_CONTACT);
        String id = answer.path("decisionId").asString();

        Reply reply = api.get("/api/v1/audit/decisions/" + id);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode record = reply.json();
        assertThat(record.path("decisionId").asString()).isEqualTo(id);
        assertThat(record.path("input").path("case").path("id").asString()).isEqualTo("AUD-1");
        assertThat(record.path("output")).isEqualTo(answer);
        assertThat(record.path("output").path("firedRules").toString()).contains("escape-repeat-contact");
        assertThat(record.path("ruleSetVersion").asString()).isEqualTo(answer.path("ruleSet").path("version").asString());
        assertThat(record.path("caller").path("actorId").asString()).isEqualTo("agent-7");
        assertThat(record.path("caller").path("name").asString()).as("the authenticated client").isEqualTo("test-all");
        assertThat(record.path("recordedAt").asString()).isNotBlank();
        assertThat(record.path("hash").asString()).hasSize(64);
    }

    @Test
    void replayWithTheRecordedRulesGivesTheSameDecision() {
        String id = decide(REPEAT_CONTACT).path("decisionId").asString();

        JsonNode replay = api.get("/api/v1/audit/decisions/" + id + "/replay").json();

        assertThat(replay.path("identical").asBoolean()).as(replay.toString()).isTrue();
        assertThat(replay.path("replayed").path("route").path("step").asString()).isEqualTo("SPECIALIST");
    }

    @Test
    void anUnknownDecisionIsA404Problem() {
        Reply reply = api.get("/api/v1/audit/decisions/0191c0de-0000-7000-8000-000000000000");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("about:blank");
        assertThat(reply.json().path("detail").asString()).contains("0191c0de-0000-7000-8000-000000000000");
    }

    @Test
    void decisionsAreFoundByTheRuleThatFiredAndTheEscapeOffered() {
        String caseId = "AUD-FILTER-" + System.nanoTime();
        String id = decide(REPEAT_CONTACT.replace("AUD-1", caseId)).path("decisionId").asString();

        assertThat(decisionIds("caseId=" + caseId + "&rule=escape-repeat-contact")).containsExactly(id);
        assertThat(decisionIds("caseId=" + caseId + "&escape=repeat-contact")).containsExactly(id);
        assertThat(decisionIds("caseId=" + caseId + "&rule=escape-goodwill-compensation")).isEmpty();
        assertThat(decisionIds("caseId=" + caseId + "&escape=goodwill-compensation")).isEmpty();
    }

    private List<String> decisionIds(String query) {
        Reply reply = api.get("/api/v1/audit/decisions?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("items").findValuesAsString("decisionId");
    }

    /**
     * Over a log of several hundred decisions in which one rule seldom fires, each filter pages
     * through exactly the decisions that a walk of the whole log finds, newest first.
     */
    @Test
    void filtersByRuleAndEscapeFindExactlyWhatTheWholeLogHolds() throws Exception {
        ExecutorService helpdesks = Executors.newFixedThreadPool(4);
        List<Future<JsonNode>> answered = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            String body = i % 150 == 0 ? REPEAT_CONTACT.replace("AUD-1", "AUD-SELDOM-" + i)
                    : "{\"case\": {\"id\": \"AUD-OFTEN-" + i + "\", \"companyAtFault\": " + (i % 2 == 0) + "}, "
                            + "\"actor\": {\"id\": \"" + (i % 3 == 0 ? "quiet-agent" : "busy-agent") + "\"}}";
            answered.add(helpdesks.submit(() -> decide(body)));
        }
        for (Future<JsonNode> decision : answered) {
            decision.get();
        }
        helpdesks.shutdown();
        List<Logged> log = jdbc.query("SELECT record_id, case_id, actor_id, recorded_at, rule_ids, escape_ids "
                + "FROM audit_record WHERE kind = 'DECISION' ORDER BY chain_position DESC", (row, number) -> new Logged(
                        row.getString("record_id"), row.getString("case_id"), row.getString("actor_id"),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        List.of((Object[]) row.getArray("rule_ids").getArray()),
                        List.of((Object[]) row.getArray("escape_ids").getArray())));
        Instant middle = log.get(log.size() / 2).at();
        Instant later = log.get(log.size() / 4).at();

        for (String rule : List.of("escape-repeat-contact", "escape-goodwill-compensation", "no-such-rule")) {
            assertThat(api.everyItem("/api/v1/audit/decisions?limit=7&rule=" + rule))
                    .extracting(item -> item.path("decisionId").asString()).as(rule)
                    .containsExactlyElementsOf(idsNaming(log, Logged::rules, rule, Instant.MIN, Instant.MAX));
            assertThat(api.everyItem("/api/v1/audit/decisions?limit=7&rule=" + rule + "&from=" + middle + "&to=" + later))
                    .extracting(item -> item.path("decisionId").asString()).as(rule + " in a time range")
                    .containsExactlyElementsOf(idsNaming(log, Logged::rules, rule, middle, later));
        }
        assertThat(api.everyItem("/api/v1/audit/decisions?limit=50&from=" + middle + "&to=" + later))
                .extracting(item -> item.path("decisionId").asString()).as("every decision in a time range")
                .containsExactlyElementsOf(log.stream().filter(decision -> !decision.at().isBefore(middle)
                        && decision.at().isBefore(later)).map(Logged::id).toList());
        assertThat(api.everyItem("/api/v1/audit/decisions?limit=7&escape=repeat-contact"))
                .extracting(item -> item.path("decisionId").asString())
                .containsExactlyElementsOf(idsNaming(log, Logged::escapes, "repeat-contact", Instant.MIN, Instant.MAX))
                .hasSizeGreaterThanOrEqualTo(5);
        for (String rule : List.of("escape-repeat-contact", "escape-goodwill-compensation")) {
            // Many more of the actor's decisions than blocks of the log: read block by block on H2.
            assertThat(api.everyItem("/api/v1/audit/decisions?limit=7&actor=busy-agent&rule=" + rule))
                    .extracting(item -> item.path("decisionId").asString()).as("busy-agent and " + rule)
                    .containsExactlyElementsOf(idsNaming(log.stream()
                            .filter(decision -> "busy-agent".equals(decision.actor())).toList(),
                            Logged::rules, rule, Instant.MIN, Instant.MAX));
        }
        // One decision of its own: read along the case's index on H2.
        assertThat(api.everyItem("/api/v1/audit/decisions?caseId=AUD-SELDOM-150&rule=escape-repeat-contact"))
                .extracting(item -> item.path("decisionId").asString())
                .containsExactlyElementsOf(log.stream().filter(decision -> "AUD-SELDOM-150".equals(decision.caseId()))
                        .map(Logged::id).toList())
                .hasSize(1);

        // The export reads the same way, oldest first, and holds every kind of record naming the term.
        for (String rule : List.of("escape-repeat-contact", "escape-goodwill-compensation", "no-such-rule")) {
            assertThat(exportedIds("rule=" + rule)).as("export by " + rule)
                    .containsExactlyElementsOf(oldestFirst(idsNaming(log, Logged::rules, rule, Instant.MIN, Instant.MAX)));
            assertThat(exportedIds("rule=" + rule + "&from=" + middle + "&to=" + later)).as("export by " + rule + " in a time range")
                    .containsExactlyElementsOf(oldestFirst(idsNaming(log, Logged::rules, rule, middle, later)));
            assertThat(exportedIds("actor=busy-agent&rule=" + rule)).as("export by busy-agent and " + rule)
                    .containsExactlyElementsOf(oldestFirst(idsNaming(log.stream().filter(decision -> "busy-agent".equals(decision.actor()))
                            .toList(), Logged::rules, rule, Instant.MIN, Instant.MAX)));
        }
        List<String> namingTheEscape = new ArrayList<>();
        jdbc.query("SELECT record_id, escape_ids FROM audit_record ORDER BY chain_position", (ResultSet row) -> {
            if (List.of((Object[]) row.getArray("escape_ids").getArray()).contains("repeat-contact")) {
                namingTheEscape.add(row.getString("record_id"));
            }
        });
        assertThat(exportedIds("escape=repeat-contact")).as("export by escape: decisions that offered it, its uses and reviews")
                .containsExactlyElementsOf(namingTheEscape)
                .hasSizeGreaterThanOrEqualTo(5);
    }

    private static List<String> oldestFirst(List<String> newestFirst) {
        List<String> reversed = new ArrayList<>(newestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    private List<String> exportedIds(String query) {
        return exportedLines(query).stream().map(line -> line.path("recordId").asString()).toList();
    }

    /** A decision as the log holds it, read straight from the database. */
    private record Logged(String id, String caseId, String actor, Instant at, List<Object> rules, List<Object> escapes) {}

    /** What a walk of the whole log finds: decisions, newest first, that name the id, recorded in [from, to). */
    private static List<String> idsNaming(List<Logged> log, Function<Logged, List<Object>> named, String id,
            Instant from, Instant to) {
        return log.stream()
                .filter(decision -> named.apply(decision).contains(id))
                .filter(decision -> !decision.at().isBefore(from) && decision.at().isBefore(to))
                .map(Logged::id)
                .toList();
    }

    @Test
    void theReviewQueueIsPagedInTheOrderEscapesWereUsed() {
        List<String> uses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String decisionId = decide(REPEAT_CONTACT.replace("AUD-1", "AUD-QUEUE-" + i)).path("decisionId").asString();
            Reply use = api.postJson("/api/v1/decisions/" + decisionId + "/escapes/repeat-contact/invocations",
                    "{\"actor\": {\"id\": \"agent-7\", \"roles\": [\"AGENT\"]}}");
            assertThat(use.status()).as(use.body()).isEqualTo(201);
            uses.add(use.json().path("invocationId").asString());
        }

        List<String> queued = new ArrayList<>();
        String cursor = null;
        do {
            assertThat(queued.size()).as("uses paged through").isLessThan(10_000);
            Reply page = api.get("/api/v1/audit/escapes?status=PENDING_REVIEW&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            queued.addAll(page.json().path("items").findValuesAsString("invocationId"));
            cursor = page.json().has("nextCursor") ? page.json().path("nextCursor").asString() : null;
        } while (cursor != null);

        assertThat(queued).containsSubsequence(uses).doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/audit/escape-uses?escape=repeat-contact&caseId=AUD-QUEUE-1").json().path("items")
                .findValuesAsString("invocationId")).as("found in the log by escape and case").contains(uses.get(1));
    }

    @Test
    void anExportOfOneCaseHoldsItsDecisionsEscapeUsesAndReviewsInChainOrder() {
        String caseId = "AUD-EXPORT-" + System.nanoTime();
        String reviewer = "pm-1";
        String decisionId = decide(REPEAT_CONTACT.replace("AUD-1", caseId)).path("decisionId").asString();
        decide(REPEAT_CONTACT.replace("AUD-1", caseId + "-OTHER"));
        String invocationId = api.postJson("/api/v1/decisions/" + decisionId + "/escapes/repeat-contact/invocations",
                "{\"actor\": {\"id\": \"agent-7\", \"roles\": [\"AGENT\"]}}").json().path("invocationId").asString();
        Reply review = api.as(TestKeys.PROBLEM_MANAGER_1).postJson("/api/v1/audit/escapes/" + invocationId + "/review",
                "{\"outcome\": \"APPROVED\", \"note\": \"ok\"}");
        assertThat(review.status()).as(review.body()).isEqualTo(200);

        List<JsonNode> ofTheCase = exportedLines("caseId=" + caseId);
        assertThat(ofTheCase).extracting(line -> line.path("kind").asString())
                .containsExactly("DECISION", "ESCAPE_INVOCATION", "ESCAPE_REVIEW");
        assertThat(ofTheCase).extracting(line -> line.path("caseId").asString()).containsOnly(caseId);
        assertThat(ofTheCase).extracting(line -> line.path("position").asLong()).isSorted();
        assertThat(ofTheCase.get(0).path("recordId").asString()).isEqualTo(decisionId);

        List<JsonNode> ofTheReviewer = exportedLines("actor=" + reviewer);
        assertThat(ofTheReviewer).extracting(line -> line.path("subjectId").asString()).contains(invocationId);
        assertThat(exportedLines("caseId=" + caseId + "&actor=" + reviewer))
                .extracting(line -> line.path("subjectId").asString()).containsExactly(invocationId);
        assertThat(exportedLines("caseId=" + caseId + "&to=2001-01-01T00:00:00Z")).isEmpty();

        Reply csv = api.get("/api/v1/audit/export?format=csv&caseId=" + caseId);
        assertThat(csv.body().strip().split("\n")).as("a header and the case's three records").hasSize(4);
    }

    @Test
    void anExportByEscapeHoldsTheDecisionsThatOfferedItItsUsesAndTheirReviews() {
        String caseId = "AUD-EXPORT-ESCAPE-" + System.nanoTime();
        String decisionId = decide(REPEAT_CONTACT.replace("AUD-1", caseId)).path("decisionId").asString();
        String invocationId = api.postJson("/api/v1/decisions/" + decisionId + "/escapes/repeat-contact/invocations",
                "{\"actor\": {\"id\": \"agent-7\", \"roles\": [\"AGENT\"]}}").json().path("invocationId").asString();
        Reply review = api.as(TestKeys.PROBLEM_MANAGER_1).postJson("/api/v1/audit/escapes/" + invocationId + "/review",
                "{\"outcome\": \"APPROVED\", \"note\": \"ok\"}");
        assertThat(review.status()).as(review.body()).isEqualTo(200);

        assertThat(exportedLines("caseId=" + caseId + "&escape=repeat-contact"))
                .extracting(line -> line.path("kind").asString())
                .containsExactly("DECISION", "ESCAPE_INVOCATION", "ESCAPE_REVIEW");
        assertThat(exportedLines("caseId=" + caseId + "&rule=escape-repeat-contact"))
                .extracting(line -> line.path("recordId").asString()).containsExactly(decisionId);
        assertThat(exportedLines("caseId=" + caseId + "&escape=goodwill-compensation")).isEmpty();
        Reply csv = api.get("/api/v1/audit/export?format=csv&caseId=" + caseId + "&escape=repeat-contact");
        assertThat(csv.body().strip().split("\n")).as("a header and the three records").hasSize(4);
    }

    @Test
    void aUseAndItsReviewShowTheSameInstantsWhereverTheyAreRead() {
        String caseId = "AUD-INSTANTS-" + System.nanoTime();
        String decisionId = decide(REPEAT_CONTACT.replace("AUD-1", caseId)).path("decisionId").asString();
        String useOf = "/api/v1/decisions/" + decisionId + "/escapes/repeat-contact/invocations";
        JsonNode reviewedUse = api.postJson(useOf, "{\"actor\": {\"id\": \"agent-7\", \"roles\": [\"AGENT\"]}}").json();
        JsonNode pendingUse = api.postJson(useOf, "{\"actor\": {\"id\": \"agent-8\", \"roles\": [\"AGENT\"]}}").json();
        String reviewedId = reviewedUse.path("invocationId").asString();
        JsonNode review = api.as(TestKeys.PROBLEM_MANAGER_1).postJson("/api/v1/audit/escapes/" + reviewedId + "/review",
                "{\"outcome\": \"APPROVED\", \"note\": \"ok\"}").json();

        Map<String, Instant> recorded = exportedLines("caseId=" + caseId).stream().collect(Collectors.toMap(
                line -> line.path("kind").asString(), line -> Instant.parse(line.path("recordedAt").asString()),
                (first, second) -> first));
        JsonNode listedReview = api.get("/api/v1/audit/escape-uses?caseId=" + caseId + "&escape=repeat-contact&actor=agent-7")
                .json().path("items").get(0);
        JsonNode queued = api.everyItem("/api/v1/audit/escapes?status=PENDING_REVIEW&reviewerRole=PROBLEM_MANAGER&limit=500")
                .stream().filter(item -> item.path("invocationId").asString().equals(pendingUse.path("invocationId").asString()))
                .findFirst().orElseThrow();

        assertThat(instant(reviewedUse, "invokedAt")).as("the answer to the use, and its audit record")
                .isEqualTo(recorded.get("ESCAPE_INVOCATION"));
        assertThat(instant(queued, "invokedAt")).as("the review queue, and the answer to the use")
                .isEqualTo(instant(pendingUse, "invokedAt"));
        assertThat(instant(review, "reviewedAt")).as("the answer to the review, and its audit record")
                .isEqualTo(recorded.get("ESCAPE_REVIEW"))
                .isEqualTo(instant(listedReview, "reviewedAt"));
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asString());
    }

    private List<JsonNode> exportedLines(String query) {
        Reply reply = api.get("/api/v1/audit/export?format=jsonl&" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body().lines().map(line -> new tools.jackson.databind.json.JsonMapper().readTree(line)).toList();
    }

    @Test
    void twoReviewersAtOnceSettleAUseOnce() throws Exception {
        String decisionId = decide(REPEAT_CONTACT.replace("AUD-1", "AUD-TWO-REVIEWERS")).path("decisionId").asString();
        String invocationId = api.postJson("/api/v1/decisions/" + decisionId + "/escapes/repeat-contact/invocations",
                "{\"actor\": {\"id\": \"agent-7\", \"roles\": [\"AGENT\"]}}").json().path("invocationId").asString();

        ExecutorService reviewers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> statuses = new ArrayList<>();
        Map<String, String> reviewerKeys = Map.of("APPROVED", TestKeys.PROBLEM_MANAGER_1, "FLAGGED", TestKeys.PROBLEM_MANAGER_2);
        for (String outcome : List.of("APPROVED", "FLAGGED")) {
            statuses.add(reviewers.submit(() -> api.as(reviewerKeys.get(outcome)).postJson(
                    "/api/v1/audit/escapes/" + invocationId + "/review",
                    "{\"outcome\": \"" + outcome + "\", \"note\": \"at the same time\"}").status()));
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }
        reviewers.shutdown();

        assertThat(answered).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE kind = 'ESCAPE_REVIEW' AND subject_id = ?",
                Integer.class, invocationId)).as("one review recorded").isEqualTo(1);
    }

    @Test
    void ruleSetHistoryShowsAReloadAnotherInstanceRecordedInTheSharedLog() {
        RuleSet bundled = BundledRules.ruleSet();
        String servingVersion = api.get("/api/v1/rules").json().path("version").asString();
        List<RuleFile> edited = bundled.files().stream()
                .map(file -> file.path().equals(GOODWILL) ? new RuleFile(file.path(), file.content() + "\n") : file)
                .toList();
        RuleSet reloadedElsewhere = new RuleSetCompiler().compile(edited, Instant.now());

        // What another instance sharing this log records when its file watch picks up the edit.
        auditedDecisions.activating(reloadedElsewhere,
                RuleSetActivation.of(reloadedElsewhere, bundled, "file-watch", null, "leeway-instance-b"));

        // One activation a page: each one's changes come from a version on a later page.
        List<JsonNode> history = api.everyItem("/api/v1/rules/history?limit=1");
        JsonNode latest = history.get(0);
        assertThat(latest.path("version").asString()).isEqualTo(reloadedElsewhere.version());
        assertThat(latest.path("previousVersion").asString()).isEqualTo(servingVersion);
        assertThat(latest.path("trigger").asString()).isEqualTo("file-watch");
        assertThat(latest.path("instance").asString()).isEqualTo("leeway-instance-b");
        assertThat(latest.path("changes").findValuesAsString("path")).containsExactly(GOODWILL);
        assertThat(latest.path("changes").get(0).path("change").asString()).isEqualTo("MODIFIED");
        JsonNode ownStartup = history.get(history.size() - 1);
        assertThat(ownStartup.path("version").asString()).isEqualTo(servingVersion);
        assertThat(ownStartup.path("trigger").asString()).isEqualTo("startup");
        assertThat(ownStartup.path("instance").asString()).isEqualTo(instance.instanceName());
        assertThat(ownStartup.path("changes").size()).isEqualTo(bundled.files().size());
        assertThat(api.get("/api/v1/rules").json().path("version").asString())
                .as("this instance keeps serving its own set").isEqualTo(servingVersion);
    }

    @Test
    void concurrentDecisionsKeepOneIntactChain() throws Exception {
        long before = recordCount();
        ExecutorService helpdesks = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(helpdesks.submit(() -> api.postJson("/api/v1/decisions", REPEAT_CONTACT).status()));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        helpdesks.shutdown();

        assertThat(recordCount() - before).isEqualTo(200);
        JsonNode verification = api.get("/api/v1/audit/verify").json();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("recordsChecked").asLong()).isEqualTo(recordCount());
    }

    @Test
    void verifyingWhileHelpdesksKeepDecidingFindsTheChainIntact() throws Exception {
        ExecutorService helpdesks = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            statuses.add(helpdesks.submit(() -> api.postJson("/api/v1/decisions", REPEAT_CONTACT).status()));
        }
        List<JsonNode> verifications = new ArrayList<>();
        while (!statuses.get(statuses.size() - 1).isDone() && verifications.size() < 50) {
            verifications.add(api.get("/api/v1/audit/verify").json());
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        helpdesks.shutdown();

        assertThat(verifications).as("verified while decisions were being recorded").hasSizeGreaterThan(1)
                .allSatisfy(verification -> assertThat(verification.path("intact").asBoolean())
                        .as(verification.toString()).isTrue());
    }

    @Test
    void operatorsSeeHowManyRecordsEachCommitCarried() {
        double recordsBefore = writerMetric("leeway.audit.batch.size", "TOTAL");
        double commitsBefore = writerMetric("leeway.audit.commit", "COUNT");
        for (int i = 0; i < 3; i++) {
            api.decide(REPEAT_CONTACT);
        }
        assertThat(writerMetric("leeway.audit.batch.size", "TOTAL") - recordsBefore).isEqualTo(3);
        assertThat(writerMetric("leeway.audit.commit", "COUNT") - commitsBefore).isBetween(1.0, 3.0);
        assertThat(writerMetric("leeway.audit.queue", "VALUE")).isZero();
    }

    private double writerMetric(String name, String statistic) {
        Reply reply = api.get("/actuator/metrics/" + name);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return HttpApi.find(reply.json().path("measurements"), "statistic", statistic).path("value").asDouble();
    }

    @Test
    void theApplicationsOwnConnectionCannotChangeOrDeleteARecord() {
        decide(REPEAT_CONTACT);

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_record SET payload = '{}'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record"))
                .hasMessageContaining("append-only");
    }

    @Test
    void aChangedRecordIsFoundAndLocated() {
        decide(REPEAT_CONTACT);
        String id = decide(REPEAT_CONTACT.replace("AUD-1", "AUD-TAMPERED")).path("decisionId").asString();
        decide(REPEAT_CONTACT);
        long position = positionOf(id);

        disableGuard();
        try {
            jdbc.update("UPDATE audit_record SET payload = REPLACE(payload, 'AUD-TAMPERED', 'AUD-INNOCENT') "
                    + "WHERE record_id = ?", id);
            JsonNode verification = api.get("/api/v1/audit/verify").json();

            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("firstBreak").path("position").asLong()).isEqualTo(position);
            assertThat(verification.path("firstBreak").path("recordId").asString()).isEqualTo(id);
            assertThat(verification.path("firstBreak").path("problem").asString()).contains("changed");
            assertThat(chainIntactGauge()).isZero();

            JsonNode background = verifiedInTheBackground();
            assertThat(background.path("result").path("intact").asBoolean()).isFalse();
            assertThat(background.path("result").path("firstBreak").path("position").asLong()).isEqualTo(position);
            assertThat(background.path("result").path("firstBreak").path("recordId").asString()).isEqualTo(id);
        } finally {
            jdbc.update("UPDATE audit_record SET payload = REPLACE(payload, 'AUD-INNOCENT', 'AUD-TAMPERED') "
                    + "WHERE record_id = ?", id);
            enableGuard();
        }
        assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
        assertThat(chainIntactGauge()).isEqualTo(1);
    }

    /**
     * Someone with write access to the database changes a decision and computes every later hash
     * and the chain head anew: each record links and matches its hash, but the head an earlier walk
     * saw no longer has the hash it had then.
     */
    @Test
    void aChainChangedAndHashedAnewIsFoundByTheHeadOfAnEarlierWalk() {
        String id = decide(REPEAT_CONTACT.replace("AUD-1", "AUD-REWRITTEN")).path("decisionId").asString();
        decide(REPEAT_CONTACT);
        JsonNode earlier = api.get("/api/v1/audit/verify").json();
        long head = earlier.path("head").path("position").asLong();
        assertThat(earlier.path("head").path("hash").asString())
                .isEqualTo(jdbc.queryForObject("SELECT hash FROM audit_record WHERE chain_position = ?", String.class, head));
        long changed = positionOf(id);
        List<Map<String, Object>> original = jdbc.queryForList(
                "SELECT chain_position, payload, prev_hash, hash FROM audit_record WHERE chain_position >= ?", changed);
        Map<String, Object> originalHead = jdbc.queryForMap("SELECT chain_position, hash FROM audit_chain_head");

        disableGuard();
        try {
            rewriteFrom(changed, payload -> payload.replace("AUD-REWRITTEN", "AUD-INNOCENT"));
            assertThat(store.verify().intact()).as("without an anchor the rewritten chain looks intact").isTrue();

            JsonNode verification = api.get("/api/v1/audit/verify").json();

            assertThat(verification.path("intact").asBoolean()).isFalse();
            assertThat(verification.path("firstBreak").path("position").asLong()).isEqualTo(head);
            assertThat(verification.path("firstBreak").path("problem").asString())
                    .contains("changed, and the chain after it hashed anew");
        } finally {
            for (Map<String, Object> row : original) {
                jdbc.update("UPDATE audit_record SET payload = ?, prev_hash = ?, hash = ? WHERE chain_position = ?",
                        row.get("payload"), row.get("prev_hash"), row.get("hash"), row.get("chain_position"));
            }
            jdbc.update("UPDATE audit_chain_head SET chain_position = ?, hash = ?", originalHead.get("chain_position"),
                    originalHead.get("hash"));
            enableGuard();
        }
        assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    /** Changes every payload from the position on, and gives it and every later record the hash they would then have. */
    private void rewriteFrom(long position, Function<String, String> change) {
        String previousHash = jdbc.queryForObject("SELECT hash FROM audit_record WHERE chain_position = ?", String.class,
                position - 1);
        List<String> ids = jdbc.queryForList("SELECT record_id FROM audit_record WHERE chain_position >= ? "
                + "ORDER BY chain_position", String.class, position);
        for (String recordId : ids) {
            StoredRecord found = store.find(recordId).orElseThrow();
            StoredRecord changed = new StoredRecord(found.position(), found.recordId(), found.kind(), found.recordedAt(),
                    found.caseId(), found.actorId(), found.ruleSetVersion(), found.subjectId(),
                    change.apply(found.payload()), previousHash, null);
            String hash = ChainHash.of(previousHash, changed.position(), changed);
            jdbc.update("UPDATE audit_record SET payload = ?, prev_hash = ?, hash = ? WHERE chain_position = ?",
                    changed.payload(), previousHash, hash, changed.position());
            jdbc.update("UPDATE audit_chain_head SET hash = ? WHERE chain_position = ?", hash, changed.position());
            previousHash = hash;
        }
    }

    @Test
    void aHeadKeptByTheAuditorIsCheckedOnTheNextWalk() {
        decide(REPEAT_CONTACT);
        JsonNode kept = api.get("/api/v1/audit/verify").json().path("head");
        long position = kept.path("position").asLong();
        String hash = kept.path("hash").asString();
        String otherHash = (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1);
        decide(REPEAT_CONTACT);

        JsonNode same = api.get("/api/v1/audit/verify?position=" + position + "&hash=" + hash).json();
        JsonNode other = api.get("/api/v1/audit/verify?position=" + position + "&hash=" + otherHash).json();
        String started = api.post("/api/v1/audit/verifications?position=" + (position + 1_000_000) + "&hash=" + hash)
                .header("Location");
        JsonNode beyond = followed(started).path("result");

        assertThat(same.path("intact").asBoolean()).as(same.toString()).isTrue();
        assertThat(same.path("head").path("position").asLong()).isGreaterThan(position);
        assertThat(other.path("intact").asBoolean()).isFalse();
        assertThat(other.path("firstBreak").path("position").asLong()).isEqualTo(position);
        assertThat(other.path("firstBreak").path("problem").asString()).contains("the anchor given with this request");
        assertThat(URI.create(started).getQuery()).isNull();
        assertThat(beyond.path("intact").asBoolean()).isFalse();
        assertThat(beyond.path("firstBreak").path("problem").asString()).contains("records at the end were removed");
        assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anAnchorNeedsBothItsPositionAndAWellFormedHash() {
        Reply withoutHash = api.get("/api/v1/audit/verify?position=3");
        Reply badHash = api.post("/api/v1/audit/verifications?position=3&hash=ABC");

        assertThat(withoutHash.status()).isEqualTo(400);
        assertThat(withoutHash.contentType()).startsWith("application/problem+json");
        assertThat(withoutHash.body()).contains("hash");
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(HttpApi.find(badHash.json().path("errors"), "field", "hash").path("message").asString())
                .contains("64 lowercase hexadecimal digits");
    }

    @Test
    void aVerificationStartedInTheBackgroundIsFollowedToWhatItFound() {
        decide(REPEAT_CONTACT);
        long recorded = recordCount();

        Reply started = api.post("/api/v1/audit/verifications");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("verificationId").asString();
        assertThat(started.header("Location")).endsWith("/api/v1/audit/verifications/" + id);
        assertThat(started.json().path("triggeredBy").asString()).isEqualTo("REQUEST");
        assertThat(started.json().path("requestedBy").asString()).as("the authenticated caller").isEqualTo("test-all");
        assertThat(started.json().path("instance").asString()).isEqualTo(instance.instanceName());
        JsonNode finished = followed(started.header("Location"));
        assertThat(finished.path("status").asString()).isEqualTo("FINISHED");
        assertThat(finished.path("result").path("intact").asBoolean()).as(finished.toString()).isTrue();
        assertThat(finished.path("result").path("recordsChecked").asLong()).isGreaterThanOrEqualTo(recorded);
        assertThat(finished.path("headPosition").asLong()).isGreaterThanOrEqualTo(recorded);
        assertThat(finished.path("finishedAt").asString()).isNotBlank();
    }

    @Test
    void everyWalkOfTheChainIsListedLatestFirst() {
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/audit/verify");
            ours.add(0, verifiedInTheBackground().path("verificationId").asString());
        }

        List<JsonNode> listed = api.everyItem("/api/v1/audit/verifications?limit=2");

        List<String> ids = listed.stream().map(walk -> walk.path("verificationId").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsSubsequence(ours);
        assertThat(ids).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(listed).hasSizeGreaterThanOrEqualTo(6)
                .filteredOn(walk -> ours.contains(walk.path("verificationId").asString())).hasSize(3)
                .allSatisfy(walk -> assertThat(walk.path("result").path("intact").asBoolean()).isTrue());
        assertThat(api.get("/api/v1/audit/verifications?cursor=bm9wZQ").status()).isEqualTo(400);
    }

    @Test
    void aWalkRunningOnAnotherInstanceIsFollowedInsteadOfStartingASecond() {
        OffsetDateTime now = OffsetDateTime.now();
        String theirs = walkRunningOn("leeway-2", now);

        Reply started = api.post("/api/v1/audit/verifications");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("verificationId").asString()).isEqualTo(theirs);
        assertThat(started.json().path("instance").asString()).isEqualTo("leeway-2");
        assertThat(started.json().path("recordsChecked").asLong()).isEqualTo(40000);
        assertThat(started.json().path("headPosition").asLong()).isEqualTo(90000);

        // leeway-2 was killed: its walk stops reporting progress.
        jdbc.update("UPDATE chain_verification SET heartbeat_at = ? WHERE verification_id = ?", now.minusMinutes(2), theirs);
        JsonNode abandoned = api.get("/api/v1/audit/verifications/" + theirs).json();
        assertThat(abandoned.path("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(abandoned.path("failure").asString()).contains("stopped before the walk ended");
        Reply instead = api.post("/api/v1/audit/verifications");
        assertThat(instead.json().path("verificationId").asString()).isNotEqualTo(theirs);
        assertThat(followed(instead.header("Location")).path("result").path("intact").asBoolean()).isTrue();
    }

    @Test
    void aWalkLeftRunningByAKilledInstanceIsInterruptedWhenItStartsAgain() {
        String killed = walkRunningOn(instance.instanceName(), OffsetDateTime.now().minusSeconds(2));

        chainVerifications.stop();
        chainVerifications.start();

        JsonNode walk = api.get("/api/v1/audit/verifications/" + killed).json();
        assertThat(walk.path("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(walk.path("failure").asString()).contains("restarted");
        assertThat(walk.path("recordsChecked").asLong()).isEqualTo(40000);
        assertThat(verifiedInTheBackground().path("verificationId").asString()).isNotEqualTo(killed);
    }

    @Test
    void aWalkThatHasEndedCannotBeChangedOrDeleted() {
        String ended = verifiedInTheBackground().path("verificationId").asString();

        assertThatThrownBy(() -> jdbc.update("UPDATE chain_verification SET intact = FALSE WHERE verification_id = ?", ended))
                .hasMessageContaining("keeps every walk");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM chain_verification WHERE verification_id = ?", ended))
                .hasMessageContaining("keeps every walk");
    }

    @Test
    void anUnknownVerificationIsA404Problem() {
        Reply reply = api.get("/api/v1/audit/verifications/0191c0de-0000-7000-8000-000000000000");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("about:blank");
        assertThat(reply.json().path("detail").asString()).contains("0191c0de-0000-7000-8000-000000000000");
    }

    /**
     * A walk 40,000 records into a chain of 90,000, as the instance would have saved it, that last
     * reported progress at {@code heartbeat}; its id sorts before any real walk's.
     */
    private String walkRunningOn(String instanceName, OffsetDateTime heartbeat) {
        String id = "0191c0de-0000-7000-8000-" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L);
        jdbc.update("INSERT INTO chain_verification (verification_id, triggered_by, instance, status, started_at, "
                + "heartbeat_at, head_position, records_checked) VALUES (?, 'SCHEDULE', ?, 'RUNNING', ?, ?, 90000, 40000)",
                id, instanceName, heartbeat.minusMinutes(3), heartbeat);
        return id;
    }

    /** Starts a walk in the background and follows it until it ends. */
    private JsonNode verifiedInTheBackground() {
        Reply started = api.post("/api/v1/audit/verifications");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return followed(started.header("Location"));
    }

    /** The walk at {@code location} once it is no longer running; fails the test after 30 s. */
    private JsonNode followed(String location) {
        return api.awaited(URI.create(location).getPath(), walk -> !"RUNNING".equals(walk.path("status").asString()),
                Duration.ofSeconds(30));
    }

    private double chainIntactGauge() {
        Reply reply = api.get("/actuator/metrics/leeway.audit.chain.intact");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return HttpApi.find(reply.json().path("measurements"), "statistic", "VALUE").path("value").asDouble();
    }

    @Test
    void aDeletedRecordIsFoundAndLocated() {
        decide(REPEAT_CONTACT);
        String id = decide(REPEAT_CONTACT).path("decisionId").asString();
        decide(REPEAT_CONTACT);
        long position = positionOf(id);

        JsonNode verification = verifiedWithout(id);

        assertThat(verification.path("intact").asBoolean()).isFalse();
        assertThat(verification.path("firstBreak").path("position").asLong()).isEqualTo(position);
        assertThat(verification.path("firstBreak").path("problem").asString()).contains("missing");
    }

    @Test
    void aRecordDeletedFromTheEndOfTheChainIsFound() {
        String last = decide(REPEAT_CONTACT).path("decisionId").asString();
        long position = positionOf(last);

        JsonNode verification = verifiedWithout(last);

        assertThat(verification.path("intact").asBoolean()).isFalse();
        assertThat(verification.path("firstBreak").path("position").asLong()).isEqualTo(position);
        assertThat(verification.path("firstBreak").path("problem").asString()).contains("records at the end were removed");
    }

    @Test
    void healthSaysWhatTheLatestWalkFoundAboutTheChain() {
        String id = decide(REPEAT_CONTACT).path("decisionId").asString();
        decide(REPEAT_CONTACT);
        long position = positionOf(id);

        Reply whileBroken = without(id, () -> {
            api.get("/api/v1/audit/verify");
            return api.get("/actuator/health");
        });
        Reply afterwards = api.get("/actuator/health");

        assertThat(whileBroken.status()).as("the instance keeps its traffic").isEqualTo(200);
        assertThat(whileBroken.json().path("status").asString()).isEqualTo("BROKEN");
        JsonNode broken = whileBroken.json().path("components").path("auditChain");
        assertThat(broken.path("status").asString()).isEqualTo("BROKEN");
        assertThat(broken.path("details").path("latestWalk").path("firstBreak").path("position").asLong()).isEqualTo(position);
        JsonNode intact = afterwards.json().path("components").path("auditChain");
        assertThat(intact.path("status").asString()).as("once a walk finds it intact again").isEqualTo("UP");
        assertThat(intact.path("details").path("latestWalk").path("head").path("position").asLong())
                .isGreaterThan(position);
    }

    /** What verify says while the record is deleted behind the application's back; then it is put back. */
    private JsonNode verifiedWithout(String recordId) {
        return without(recordId, () -> api.get("/api/v1/audit/verify").json());
    }

    /** What {@code look} finds while the record is deleted behind the application's back; then it is put back. */
    private <T> T without(String recordId, Supplier<T> look) {
        Map<String, Object> deleted = jdbc.queryForMap("SELECT * FROM audit_record WHERE record_id = ?", recordId);
        disableGuard();
        try {
            jdbc.update("DELETE FROM audit_record WHERE record_id = ?", recordId);
            return look.get();
        } finally {
            // Put the record back exactly, so the other tests sharing this database see an intact chain.
            List<String> columns = new ArrayList<>(deleted.keySet());
            jdbc.update("INSERT INTO audit_record (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(column -> "?").toList()) + ")",
                    columns.stream().map(deleted::get).toArray());
            enableGuard();
            assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
        }
    }

    long recordCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
    }

    long positionOf(String recordId) {
        return jdbc.queryForObject("SELECT chain_position FROM audit_record WHERE record_id = ?", Long.class, recordId);
    }

    JsonNode decide(String body) {
        return api.decide(body);
    }
}
