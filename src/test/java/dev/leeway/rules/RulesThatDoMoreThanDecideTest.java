package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leeway.EditableRules;
import dev.leeway.HarmfulRules;
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

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.serveFrom(registry, true);
    }

    @LocalServerPort
    int port;

    @AfterEach
    void restoreTheCharter() {
        RULES.restore();
        HttpApi api = new HttpApi(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(api.healthOf("rules")));
    }

    @Test
    void validateRefusesAConsequenceThatWritesAFileAndNothingIsWritten() throws IOException {
        Path marker = marker();

        Reply reply = new HttpApi(port).postJson("/api/v1/rules/validate",
                HttpApi.json(Map.of("files",
                        List.of(Map.of("path", HarmfulRules.WRITING_PATH, "content", HarmfulRules.writingTo(marker))))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("valid").asBoolean()).isFalse();
        assertRefusedAtTheWrite(reply.json().path("errors"));
        assertThat(marker).doesNotExist();
    }

    @Test
    void simulateRefusesItBeforeReplayingAnything() throws IOException {
        Path marker = marker();

        Reply reply = new HttpApi(port).postJson("/api/v1/rules/simulate", HttpApi.json(Map.of(
                "files", List.of(Map.of("path", HarmfulRules.WRITING_PATH, "content", HarmfulRules.writingTo(marker))),
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

        RULES.write(HarmfulRules.WRITING_PATH, HarmfulRules.writingTo(marker));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(api.healthOf("rules")));
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
        assertThat(error.path("file").asString()).isEqualTo(HarmfulRules.WRITING_PATH);
        assertThat(error.path("line").asInt()).as("the line of the write").isEqualTo(HarmfulRules.WRITING_LINE);
        assertThat(error.path("column").asInt()).isPositive();
        assertThat(error.path("message").asString()).contains("writeString");
    }

    private static Path marker() throws IOException {
        Path marker = Files.createTempDirectory("leeway-sandbox-").resolve("written-by-a-rule");
        assertThat(marker).doesNotExist();
        return marker;
    }
}
