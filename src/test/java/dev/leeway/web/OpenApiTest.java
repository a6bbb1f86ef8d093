package dev.leeway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The API describes itself for the teams integrating their helpdesk. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void openApiDescribesTheDecisionEndpointWithItsJsonNames() {
        Reply reply = new HttpApi(port).get("/v3/api-docs");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode spec = reply.json();
        assertThat(spec.path("info").path("title").asString()).isEqualTo("Leeway");
        assertThat(spec.path("paths").path("/api/v1/decisions").has("post")).isTrue();
        JsonNode request = spec.path("components").path("schemas").path("DecisionRequest");
        assertThat(request.path("properties").has("case")).isTrue();
        assertThat(request.path("properties").has("serviceCase")).isFalse();
        assertThat(request.path("required").toString()).contains("case");
        assertThat(spec.path("components").path("schemas").path("ServiceCase").path("properties")
                .path("priority").path("enum").toString()).contains("P1", "P4");
    }

    @Test
    void openApiListsTheServingVocabularysValuesAndWhatEachSourceMaySendInstead() {
        JsonNode schemas = new HttpApi(port).get("/v3/api-docs").json().path("components").path("schemas");

        JsonNode priority = schemas.path("ServiceCase").path("properties").path("priority");
        assertThat(strings(priority.path("enum"))).containsExactly("P1", "P2", "P3", "P4");
        assertThat(priority.path("default").asString()).isEqualTo("P3");
        assertThat(priority.path("description").asString())
                .contains("without regard to case", "zendesk: `urgent` → P1, `high` → P2", "servicenow: `1` → P1");
        assertThat(strings(schemas.path("ServiceCase").path("properties").path("channel").path("enum")))
                .contains("PHONE", "IN_PERSON");
        assertThat(strings(schemas.path("ServiceCase").path("properties").path("sentiment").path("enum")))
                .contains("NEUTRAL", "DISTRESSED");
        assertThat(strings(schemas.path("Customer").path("properties").path("tier").path("enum")))
                .containsExactly("ENTERPRISE", "PREMIUM", "STANDARD");
        JsonNode historyStatus = schemas.path("StatusChange").path("properties").path("status");
        assertThat(strings(historyStatus.path("enum"))).contains("NEW", "WAITING_FOR_CUSTOMER", "CLOSED");
        assertThat(historyStatus.has("default")).as("a status change names its status").isFalse();
        assertThat(historyStatus.path("description").asString())
                .contains("zendesk: `new` → NEW, `open` → OPEN, `pending` → WAITING_FOR_CUSTOMER");
        for (String request : List.of("DecisionRequest", "WatchedCaseRequest")) {
            assertThat(strings(schemas.path(request).path("properties").path("source").path("enum"))).as(request)
                    .containsExactly("freshdesk", "jira", "servicenow", "zendesk");
        }
        JsonNode attributes = schemas.path("ServiceCase").path("properties").path("attributes");
        assertThat(attributes.path("properties").path("preferredContactTime").path("type").asString()).isEqualTo("string");
        assertThat(attributes.path("additionalProperties").asBoolean()).as("undeclared attributes pass").isTrue();
    }

    @Test
    void openApiDescribesTheDecisionThatComesBack() {
        JsonNode spec = new HttpApi(port).get("/v3/api-docs").json();

        JsonNode answer = spec.path("paths").path("/api/v1/decisions").path("post").path("responses").path("200")
                .path("content").path("application/json").path("schema");
        assertThat(answer.path("$ref").asString()).endsWith("/Decision");
        assertThat(spec.path("components").path("schemas").path("Decision").path("properties").has("escapes")).isTrue();
    }

    /**
     * Also leaves the description in target/openapi.json, where .ci/run lints it with Redocly's
     * recommended rules.
     */
    @Test
    void openApiDeclaresHowToAuthenticateAndWhatEachOperationNeedsAndMayRefuse() throws IOException {
        Reply reply = new HttpApi(port).anonymous().get("/v3/api-docs");
        Files.writeString(Path.of("target", "openapi.json"), reply.body());
        JsonNode spec = reply.json();

        assertThat(spec.path("components").path("securitySchemes").path("apiKey").path("scheme").asString())
                .isEqualTo("bearer");
        JsonNode decide = spec.path("paths").path("/api/v1/decisions").path("post");
        assertThat(decide.path("x-permission").asString()).isEqualTo("decide");
        assertThat(decide.path("security").toString()).contains("apiKey");
        for (String status : List.of("400", "401", "403", "429")) {
            assertThat(decide.path("responses").path(status).path("content").path("application/problem+json")
                    .path("schema").path("$ref").asString()).as(status).endsWith("/Problem");
        }
        assertThat(spec.path("components").path("schemas").path("Problem").path("properties").path("errors")
                .path("items").path("properties").has("allowed")).isTrue();
        assertThat(spec.path("paths").path("/api/v1/audit/escapes/{invocationId}/review").path("post")
                .path("x-permission").asString()).isEqualTo("escapes:review");
    }

    @Test
    void browsableUiIsServed() {
        Reply reply = new HttpApi(port).get("/swagger-ui/index.html");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).containsIgnoringCase("swagger");
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
