package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Saving a rule file is enough: the service picks the change up without a restart or a call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuleFileWatchTest {

    static final EditableRules RULES = EditableRules.copyOfBundled();
    static final String GOODWILL = "escapes/goodwill.drl";
    static final String SUPPORT_CALENDAR = "calendars/support-nl.yaml";
    static final String VOCABULARY = "vocabulary.yaml";
    static final String GOLD_CUSTOMER = "{\"case\": {\"id\": \"C-1\", \"customer\": {\"tier\": \"GOLD\"}}}";

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.serveFrom(registry, true);
    }

    @LocalServerPort
    int port;

    @Test
    void savedChangesAreServedAndABrokenSaveIsReportedWhileTheLastGoodSetServes() {
        HttpApi api = new HttpApi(port);
        String bundled = version(api);
        String original = RULES.read(GOODWILL);

        RULES.write(GOODWILL, original.replace(".upTo(50)", ".upTo(60)"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !version(api).equals(bundled));
        String edited = version(api);
        assertThat(api.get("/api/v1/rules/history").json().path("items").get(0).path("trigger").asString()).isEqualTo("file-watch");

        RULES.write(GOODWILL, original.replace("ServiceCase( companyAtFault )", "ServiceCase( companyAtFault"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(api.healthOf("rules")));
        assertThat(version(api)).isEqualTo(edited);
        assertThat(api.postJson("/api/v1/decisions", "{\"case\": {\"id\": \"C-1\"}}").status()).isEqualTo(200);

        RULES.write(GOODWILL, original);
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(api.healthOf("rules")));
        assertThat(version(api)).isEqualTo(bundled);
    }

    @Test
    void savedCalendarEditIsServedAndABrokenCalendarIsReportedWhileTheLastGoodSetServes() {
        HttpApi api = new HttpApi(port);
        String bundled = version(api);
        String original = RULES.read(SUPPORT_CALENDAR);

        // A closed day no bundled scenario reaches: the scenarios still hold, so the edit serves.
        RULES.write(SUPPORT_CALENDAR, original + "holidays: [2030-01-02]\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> !version(api).equals(bundled));
        String edited = version(api);
        assertThat(api.get("/api/v1/rules/history").json().path("items").get(0).path("changes").toString())
                .contains(SUPPORT_CALENDAR);

        RULES.write(SUPPORT_CALENDAR, original.replace("08:30-17:30", "17:30-08:30"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(api.healthOf("rules")));
        assertThat(version(api)).isEqualTo(edited);
        assertThat(api.get("/api/v1/rules").json().path("refused").path("problems").get(0).path("file").asString())
                .isEqualTo(SUPPORT_CALENDAR);

        RULES.write(SUPPORT_CALENDAR, original);
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(api.healthOf("rules")));
        assertThat(version(api)).isEqualTo(bundled);
    }

    @Test
    void savedVocabularyEditIsServedAndARuleItWouldBreakKeepsTheLastGoodSetServing() {
        HttpApi api = new HttpApi(port);
        String bundled = version(api);
        String original = RULES.read(VOCABULARY);
        assertThat(api.postJson("/api/v1/decisions", GOLD_CUSTOMER).status()).isEqualTo(400);

        RULES.write(VOCABULARY, original.replace("[ENTERPRISE, PREMIUM, STANDARD]", "[ENTERPRISE, GOLD, PREMIUM, STANDARD]"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !version(api).equals(bundled));
        assertThat(api.postJson("/api/v1/decisions", GOLD_CUSTOMER).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/rules/history").json().path("items").get(0).path("changes").toString())
                .contains(VOCABULARY);
        String withGold = version(api);

        // The bundled rules compare tiers with PREMIUM: a vocabulary without it would leave them never firing.
        RULES.write(VOCABULARY, original.replace("[ENTERPRISE, PREMIUM, STANDARD]", "[ENTERPRISE, GOLD, STANDARD]"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(api.healthOf("rules")));
        assertThat(version(api)).isEqualTo(withGold);
        assertThat(api.get("/api/v1/rules").json().path("refused").path("problems").get(0).path("message").asString())
                .contains("\"PREMIUM\"");

        RULES.write(VOCABULARY, original);
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(api.healthOf("rules")));
        assertThat(version(api)).isEqualTo(bundled);
    }

    private static String version(HttpApi api) {
        return api.get("/api/v1/rules").json().path("version").asString();
    }
}
