package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Auditors find decisions by case, rule, escape, actor and time, page by page, and export the log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditQueryApiTest {

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
    void filtersFindDecisionsByCaseRuleEscapeActorAndTime() {
        Instant before = Instant.now();
        decide("{\"case\": {\"id\": \"Q-REPEAT\", \"contactsAboutSameProblem\": 2}, \"actor\": {\"id\": \"q-agent-1\"}}");
        decide("{\"case\": {\"id\": \"Q-FAULT\", \"companyAtFault\": true}, \"actor\": {\"id\": \"q-agent-2\"}}");
        decide("{\"case\": {\"id\": \"Q-FAULT\", \"companyAtFault\": false}, \"actor\": {\"id\": \"q-agent-2\"}}");

        assertThat(caseIds("caseId=Q-FAULT")).containsExactly("Q-FAULT", "Q-FAULT");
        assertThat(caseIds("actor=q-agent-1")).containsExactly("Q-REPEAT");
        assertThat(caseIds("caseId=Q-FAULT&escape=goodwill-compensation")).containsExactly("Q-FAULT");
        assertThat(caseIds("actor=q-agent-1&rule=escape-repeat-contact")).containsExactly("Q-REPEAT");
        assertThat(caseIds("actor=q-agent-1&rule=escape-goodwill-compensation")).isEmpty();
        assertThat(caseIds("actor=q-agent-2&from=" + before)).hasSize(2);
        assertThat(caseIds("actor=q-agent-2&to=" + before)).isEmpty();
    }

    @Test
    void pagesWalkEveryDecisionOnceNewestFirst() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(decide("{\"case\": {\"id\": \"PAGE-" + i + "\"}, \"actor\": {\"id\": \"pager\"}}"));
        }

        List<String> seen = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/audit/decisions?actor=pager&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(item -> {
                seen.add(item.path("decisionId").asString());
                positions.add(item.path("position").asLong());
            });
            cursor = page.has("nextCursor") ? page.path("nextCursor").asString() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(made);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(positions).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void aCursorThisServiceDidNotIssueIsAProblemNamingIt() {
        Reply reply = api.get("/api/v1/audit/decisions?cursor=not-a-cursor");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    }

    @Test
    void badTimeAndLimitAreProblemsNamingTheParameter() {
        Reply badTime = api.get("/api/v1/audit/decisions?from=yesterday");
        Reply badLimit = api.get("/api/v1/audit/decisions?limit=0");

        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().path("errors").get(0).path("field").asString()).isEqualTo("limit");
    }

    @Test
    void exportAsJsonLinesHoldsEveryRecordInChainOrder() {
        decide("{\"case\": {\"id\": \"EXP-1\"}}");
        decide("{\"case\": {\"id\": \"EXP-2\"}}");

        Reply reply = api.get("/api/v1/audit/export?format=jsonl");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/x-ndjson");
        String[] lines = reply.body().strip().split("\n");
        assertThat(lines).hasSize(recordCount());
        long previous = 0;
        for (String line : lines) {
            JsonNode record = new tools.jackson.databind.json.JsonMapper().readTree(line);
            assertThat(record.path("position").asLong()).isEqualTo(previous + 1);
            assertThat(record.path("payload").isObject()).isTrue();
            previous = record.path("position").asLong();
        }
        assertThat(reply.body()).contains("\"caseId\":\"EXP-2\"");
    }

    @Test
    void exportAsCsvHasAHeaderAndOneRowPerRecord() throws Exception {
        decide("{\"case\": {\"id\": \"EXP-CSV, with a comma\"}}");

        Reply reply = api.get("/api/v1/audit/export?format=csv");

        assertThat(reply.contentType()).startsWith("text/csv");
        CsvMapper csv = CsvMapper.builder().build();
        List<java.util.Map<String, String>> rows;
        try (MappingIterator<java.util.Map<String, String>> iterator = csv.readerFor(java.util.Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(reply.body())) {
            rows = iterator.readAll();
        }
        assertThat(rows).hasSize(recordCount());
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("caseId")).isEqualTo("EXP-CSV, with a comma");
            assertThat(row.get("payload")).startsWith("{\"input\":");
        });
    }

    @Test
    void exportOfAnEmptyTimeRangeIsEmpty() {
        decide("{\"case\": {\"id\": \"EXP-NONE\"}}");

        Reply reply = api.get("/api/v1/audit/export?format=jsonl&from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
    }

    /** Swapped bounds would otherwise answer an empty page or file, which reads as "nothing happened". */
    @Test
    void aTimeRangeEndingBeforeItStartsIsAProblemNamingTo() {
        for (String path : List.of("/api/v1/audit/decisions", "/api/v1/audit/export", "/api/v1/audit/escape-uses")) {
            Reply reply = api.get(path + "?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z");

            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
            assertThat(reply.json().path("errors").get(0).path("field").asString()).as(path).isEqualTo("to");
            assertThat(reply.json().path("errors").get(0).path("message").asString()).as(path)
                    .isEqualTo("must not be before from (2026-12-01T00:00:00Z), not 2026-11-01T00:00:00Z");
        }
        assertThat(api.get("/api/v1/audit/decisions?from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z").status())
                .as("an empty range is still a range").isEqualTo(200);
    }

    @Test
    void anUnknownExportFormatIsAProblemNamingIt() {
        Reply reply = api.get("/api/v1/audit/export?format=xml");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("format");
    }

    private int recordCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Integer.class);
    }

    private List<String> caseIds(String query) {
        Reply reply = api.get("/api/v1/audit/decisions?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("items").findValuesAsString("caseId");
    }

    private String decide(String body) {
        return api.decide(body).path("decisionId").asString();
    }
}
