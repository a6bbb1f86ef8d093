package dev.leeway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(spec.path("paths").path("/api/v1/audit/escapes/{invocationId}/review").path("post")
                .path("x-permission").asString()).isEqualTo("escapes:review");
    }

    @Test
    void browsableUiIsServed() {
        Reply reply = new HttpApi(port).get("/swagger-ui/index.html");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).containsIgnoringCase("swagger");
    }
}
