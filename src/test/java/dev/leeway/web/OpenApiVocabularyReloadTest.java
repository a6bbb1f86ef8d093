package dev.leeway.web;

import static dev.leeway.web.OpenApiTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A process owner changes the vocabulary; the integrating teams read the new words in the API description at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiVocabularyReloadTest {

    static final EditableRules RULES = EditableRules.copyOfBundled();
    static final String VOCABULARY = "vocabulary.yaml";

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.serveFrom(registry, false);
    }

    @LocalServerPort
    int port;

    @AfterEach
    void putTheBundledRulesBack() {
        RULES.restore();
        assertThat(new HttpApi(port).postJson("/api/v1/rules/reload", "").status()).isEqualTo(200);
    }

    @Test
    void theNextDescriptionAfterAReloadShowsTheNewVocabularyInEveryLanguageAlreadyAskedFor() {
        HttpApi api = new HttpApi(port);
        for (String language : new String[] {null, "de"}) {
            assertThat(strings(channel(description(api, language)).path("enum"))).as(language)
                    .contains("PHONE").doesNotContain("WHATSAPP");
        }

        RULES.write(VOCABULARY, RULES.read(VOCABULARY)
                .replace("values: [PHONE, EMAIL, CHAT, WEB, SOCIAL, IN_PERSON]",
                        "values: [PHONE, EMAIL, CHAT, WEB, SOCIAL, IN_PERSON, WHATSAPP]")
                .replace("channel: { voice: PHONE,", "channel: { whatsapp: WHATSAPP, voice: PHONE,")
                .replace("  preferredContactTime: { type: text }\n", """
                          preferredContactTime: { type: text }
                          segment: { type: text, values: [SMB, CORPORATE] }
                          seats: { type: number }
                          renewsAutomatically: { type: boolean }
                          contractEnds: { type: date }
                        """));
        Reply reload = api.postJson("/api/v1/rules/reload", "");
        assertThat(reload.json().path("status").asString()).as(reload.body()).isEqualTo("ACTIVATED");

        for (String language : new String[] {null, "de"}) {
            JsonNode spec = description(api, language);
            JsonNode channel = channel(spec);
            assertThat(strings(channel.path("enum"))).as(language).endsWith("WHATSAPP");
            assertThat(channel.path("description").asString()).as(language).contains("zendesk: `whatsapp` → WHATSAPP");
            JsonNode attributes = spec.path("components").path("schemas").path("ServiceCase").path("properties")
                    .path("attributes").path("properties");
            assertThat(strings(attributes.path("segment").path("enum"))).containsExactly("SMB", "CORPORATE");
            assertThat(attributes.path("seats").path("type").asString()).isEqualTo("number");
            assertThat(attributes.path("renewsAutomatically").path("type").asString()).isEqualTo("boolean");
            assertThat(attributes.path("contractEnds").path("type").asString()).isEqualTo("string");
            assertThat(attributes.path("contractEnds").path("format").asString()).isEqualTo("date");
        }
    }

    private JsonNode description(HttpApi api, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        Reply reply = api.send(request);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode channel(JsonNode spec) {
        return spec.path("components").path("schemas").path("ServiceCase").path("properties").path("channel");
    }
}
