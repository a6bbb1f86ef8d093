package dev.leeway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Bad input gets a 4xx {@code application/problem+json} that names what is wrong. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leeway.api.max-request-size=4KB")
class InvalidInputProblemsTest {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void malformedJsonSaysWhereTheBodyBreaks() {
        Reply reply = api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-1\",, }}");

        assertProblem(reply, 400, "urn:leeway:problem:malformed-json");
        assertThat(reply.json().path("detail").asString()).contains("line 1, column");
    }

    @Test
    void missingCaseIdIsNamedAsCaseId() {
        Reply reply = api.postJson("/api/v1/decisions", "{\"case\": {\"channel\": \"EMAIL\"}}");

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case.id");
        assertThat(onlyError(reply).path("message").asString()).isEqualTo("must not be blank");
    }

    @Test
    void missingCaseIsNamedAsCase() {
        Reply reply = api.postJson("/api/v1/decisions", "{\"actor\": {\"id\": \"agent-7\"}}");

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case");
    }

    @Test
    void textWhereANumberBelongsIsNamedWithTheExpectedType() {
        Reply reply = api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-1\", \"transfers\": \"two\"}}");

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case.transfers");
        assertThat(onlyError(reply).path("message").asString()).contains("whole number");
    }

    @Test
    void fractionalTransferCountIsRefusedNotTruncated() {
        Reply reply = api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-1\", \"transfers\": 1.5}}");

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case.transfers");
    }

    @Test
    void misspeltFieldIsNamedInsteadOfSilentlyIgnored() {
        Reply reply = api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-1\", \"prioirty\": \"P1\"}}");

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case.prioirty");
        assertThat(onlyError(reply).path("message").asString()).contains("priority").contains("attributes");
    }

    @Test
    void freeFormValuesAreAcceptedInAttributes() {
        Reply reply = api.postJson("/api/v1/decisions",
                "{\"case\": {\"id\": \"C-1\", \"attributes\": {\"anything\": {\"nested\": [1, null]}}}}");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        Reply reply = api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-1\", \"priority\": \"URGENT\"}}");

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case.priority");
        assertThat(onlyError(reply).path("message").asString()).contains("P1, P2, P3, P4").contains("URGENT");
    }

    @Test
    void unknownNestedEnumValueIsNamedByItsFullPath() {
        Reply reply = api.postJson("/api/v1/decisions",
                "{\"case\": {\"id\": \"C-1\", \"customer\": {\"tier\": \"GOLD\"}}}");

        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case.customer.tier");
    }

    @Test
    void churnRiskOutsideZeroToOneIsNamed() {
        Reply reply = api.postJson("/api/v1/decisions",
                "{\"case\": {\"id\": \"C-1\", \"customer\": {\"churnRisk\": 1.5}}}");

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case.customer.churnRisk");
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "", "transfers": -1, "waitingMinutes": -5},
                 "request": {"action": "", "amount": -10}}
                """);

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(reply.json().path("errors").findValuesAsString("field"))
                .containsExactly("case.id", "case.transfers", "case.waitingMinutes", "request.action", "request.amount");
    }

    @Test
    void badTimestampIsNamedWithTheExpectedFormat() {
        Reply reply = api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-1\"}, \"at\": \"yesterday\"}");

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("at");
        assertThat(onlyError(reply).path("message").asString()).contains("ISO-8601");
    }

    @Test
    void emptyBodyIsAProblem() {
        Reply reply = api.postJson("/api/v1/decisions", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bodyOverTheDeclaredLimitIsRefusedBeforeReading() {
        Reply reply = api.postJson("/api/v1/decisions", largeCase());

        assertProblem(reply, 413, "urn:leeway:problem:payload-too-large");
        assertThat(reply.json().path("detail").asString()).contains("4096 bytes");
    }

    @Test
    void streamedBodyWithoutALengthIsCutOffAtTheLimit() {
        byte[] body = largeCase().getBytes();
        HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher delegate = HttpRequest.BodyPublishers.ofByteArray(body);

            @Override
            public long contentLength() {
                return -1; // forces chunked transfer encoding
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                delegate.subscribe(subscriber);
            }
        };
        Reply reply = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decisions"))
                .header("Content-Type", "application/json")
                .POST(unknownLength));

        assertProblem(reply, 413, "urn:leeway:problem:payload-too-large");
    }

    @Test
    void nonJsonContentTypeIsAProblem() {
        Reply reply = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decisions"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("case C-1")));

        assertProblem(reply, 415, "about:blank");
    }

    @Test
    void unknownPathIsAProblem() {
        Reply reply = api.get("/api/v1/nothing-here");

        assertProblem(reply, 404, "about:blank");
    }

    @Test
    void anUnsupportedMethodIsAProblemWithAType() {
        Reply reply = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decisions"))
                .DELETE());

        assertProblem(reply, 405, "about:blank");
    }

    @Test
    void statusHistoryOutOfOrderNamesTheEntryThatComesTooEarly() {
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "C-1", "status": "OPEN", "openedAt": "2026-11-25T08:00:00Z", "statusHistory": [
                  {"status": "NEW", "at": "2026-11-25T08:00:00Z"},
                  {"status": "WAITING_FOR_CUSTOMER", "at": "2026-11-25T11:00:00Z"},
                  {"status": "OPEN", "at": "2026-11-25T10:00:00Z"}]},
                 "at": "2026-11-25T12:00:00Z"}
                """);

        assertProblem(reply, 400, "urn:leeway:problem:invalid-request");
        assertThat(onlyError(reply).path("field").asString()).isEqualTo("case.statusHistory[2].at");
        assertThat(onlyError(reply).path("message").asString()).contains("2026-11-25T11:00:00Z");
    }

    @Test
    void statusHistoryOldestFirstIsDecided() {
        Reply reply = api.postJson("/api/v1/decisions", """
                {"case": {"id": "C-1", "status": "OPEN", "openedAt": "2026-11-25T08:00:00Z", "statusHistory": [
                  {"status": "NEW", "at": "2026-11-25T08:00:00Z"},
                  {"status": "WAITING_FOR_CUSTOMER", "at": "2026-11-25T10:00:00Z"},
                  {"status": "OPEN", "at": "2026-11-25T11:00:00Z"}]},
                 "at": "2026-11-25T12:00:00Z"}
                """);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void validInputAfterARefusalIsStillDecided() {
        api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"\"}}");

        assertThat(api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-2\"}}").status()).isEqualTo(200);
    }

    private static String largeCase() {
        String tags = String.join(",", Stream.generate(() -> "\"A-LONG-TAG-VALUE\"").limit(400).toList());
        return "{\"case\": {\"id\": \"C-1\", \"tags\": [" + tags + "]}}";
    }

    private static JsonNode onlyError(Reply reply) {
        assertThat(reply.json().path("errors").size()).as(reply.body()).isEqualTo(1);
        return reply.json().path("errors").get(0);
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo(type);
        assertThat(reply.json().path("title").asString()).isNotBlank();
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("detail").asString()).isNotBlank();
    }
}
