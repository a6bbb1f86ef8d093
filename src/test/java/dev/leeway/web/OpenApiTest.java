package dev.leeway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
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
    void openApiDescribesTheDecisionThatComesBack() {
        JsonNode spec = new HttpApi(port).get("/v3/api-docs").json();

        JsonNode answer = spec.path("paths").path("/api/v1/decisions").path("post").path("responses").path("200")
                .path("content").path("application/json").path("schema");
        assertThat(answer.path("$ref").asString()).endsWith("/Decision");
        assertThat(spec.path("components").path("schemas").path("Decision").path("properties").has("escapes")).isTrue();
    }

    @Test
    void browsableUiIsServed() {
        Reply reply = new HttpApi(port).get("/swagger-ui/index.html");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).containsIgnoringCase("swagger");
    }
}
