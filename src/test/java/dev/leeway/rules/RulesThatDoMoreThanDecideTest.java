package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A rule file whose consequence writes a file is refused, with its file:line:column, on every way
 * rules reach the service (validate, simulate, reload, a saved file), and the file is never written:
 * nothing of the candidate runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulesThatDoMoreThanDecideTest {

    static final EditableRules RULES = EditableRules.copyOfBundled();
    static final String PATH = "procedures/housekeeping.drl";

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.serveFrom(registry, true);
        registry.add("leeway.rules.watch-quiet-period", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @AfterEach
    void restoreTheCharter() {
        RULES.restore();
        HttpApi api = new HttpApi(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(rulesHealth(api)));
    }

    @Test
    void validateRefusesAConsequenceThatWritesAFileAndNothingIsWritten() throws IOException {
        Path marker = marker();

        Reply reply = new HttpApi(port).postJson("/api/v1/rules/validate",
                HttpApi.json(Map.of("files", List.of(Map.of("path", PATH, "content", writing(marker))))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("valid").asBoolean()).isFalse();
        assertRefusedAtTheWrite(reply.json().path("errors"));
        assertThat(marker).doesNotExist();
    }

    @Test
    void simulateRefusesItBeforeReplayingAnything() throws IOException {
        Path marker = marker();

        Reply reply = new HttpApi(port).postJson("/api/v1/rules/simulate", HttpApi.json(Map.of(
                "files", List.of(Map.of("path", PATH, "content", writing(marker))),
                "inputs", List.of(Map.of("case", Map.of("id", "SANDBOX-1"))))));

        assertThat(reply.status()).isEqualTo(422);
        assertRefusedAtTheWrite(reply.json().path("errors"));
        assertThat(marker).doesNotExist();
    }

    @Test
    void aSavedFileAndAReloadAreRefusedAndTheCharterKeepsServing() throws IOException {
        HttpApi api = new HttpApi(port);
        String serving = api.get("/api/v1/rules").json().path("version").asString();
        Path marker = marker();

        RULES.write(PATH, writing(marker));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(rulesHealth(api)));
        Reply reload = api.post("/api/v1/rules/reload");
        api.decide("{\"case\": {\"id\": \"SANDBOX-2\"}}");

        assertThat(reload.status()).isEqualTo(422);
        assertRefusedAtTheWrite(reload.json().path("errors"));
        assertThat(api.get("/api/v1/rules").json().path("version").asString()).isEqualTo(serving);
        assertThat(marker).doesNotExist();
    }

    private static void assertRefusedAtTheWrite(JsonNode errors) {
        assertThat(errors).isNotEmpty();
        JsonNode error = errors.get(0);
        assertThat(error.path("file").asString()).isEqualTo(PATH);
        assertThat(error.path("line").asInt()).as("the line of the write").isEqualTo(12);
        assertThat(error.path("column").asInt()).isPositive();
        assertThat(error.path("message").asString()).contains("writeString");
    }

    private static String rulesHealth(HttpApi api) {
        return api.get("/actuator/health").json().path("components").path("rules").path("status").asString();
    }

    private static Path marker() throws IOException {
        Path marker = Files.createTempDirectory("leeway-sandbox-").resolve("written-by-a-rule");
        assertThat(marker).doesNotExist();
        return marker;
    }

    /** A rule with every metadata a charter rule has, whose consequence writes {@code marker}. */
    private static String writing(Path marker) {
        return """
                package procedures;

                import dev.leeway.facts.*;

                global dev.leeway.vocabulary.DecisionDraft decision;

                rule "Housekeeping"
                    @id("housekeeping") @owner("nobody") @description("Writes a file on the server.")
                when
                    ServiceCase()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "written");
                end
                """.formatted(marker.toString());
    }
}
