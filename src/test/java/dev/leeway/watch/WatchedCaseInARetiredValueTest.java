package dev.leeway.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A watched case was last sent with a tier the vocabulary has since retired: Leeway cannot decide
 * it in those words, so its timer waits for the helpdesk to send the case again instead of failing
 * at every lapse of its claim, and says so once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leeway.watch.poll-interval=0")
@Import(WatchTestSetup.class)
@ExtendWith(OutputCaptureExtension.class)
class WatchedCaseInARetiredValueTest {

    static final EditableRules RULES = EditableRules.copyOfBundled();
    static final String VOCABULARY = "vocabulary.yaml";
    static final String WITHOUT_BRONZE = RULES.read(VOCABULARY);

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.write(VOCABULARY, WITHOUT_BRONZE.replace("[ENTERPRISE, PREMIUM, STANDARD]",
                "[ENTERPRISE, PREMIUM, STANDARD, BRONZE]"));
        RULES.serveFrom(registry, false);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    DueTimers timers;

    /** A P1 case, so its first response is warned of 45 minutes after it opened, around the clock. */
    private Reply put(String id, String tier, Instant openedAt) {
        return new HttpApi(port).putJson("/api/v1/cases/" + id, """
                {"case": {"id": "%s", "priority": "P1", "status": "OPEN", "openedAt": "%s",
                          "customer": {"id": "CU-1", "tier": "%s"}}}""".formatted(id, openedAt, tier));
    }

    @Test
    void aCaseLastSentWithARetiredTierWaitsForTheHelpdeskInsteadOfFailingAtEveryLapse(CapturedOutput output) {
        HttpApi api = new HttpApi(port);
        Instant opened = clock.instant();
        String sentDecision = put("W-BRONZE", "BRONZE", opened).json().path("lastDecision").path("decisionId").asString();
        put("W-STANDARD", "STANDARD", opened);
        RULES.write(VOCABULARY, WITHOUT_BRONZE);
        assertThat(api.postJson("/api/v1/rules/reload", "").json().path("status").asString()).isEqualTo("ACTIVATED");

        clock.advance(Duration.ofMinutes(50));
        timers.fireDue();
        clock.advance(Duration.ofHours(3));
        timers.fireDue();

        JsonNode waiting = api.get("/api/v1/cases/W-BRONZE").json();
        assertThat(waiting.path("watching").asBoolean()).isTrue();
        assertThat(waiting.path("nextEvaluationAt").isNull()).as(waiting.toString()).isTrue();
        assertThat(waiting.path("nextBrings")).isEmpty();
        assertThat(waiting.path("lastDecision").path("decisionId").asString()).isEqualTo(sentDecision);
        assertThat(ScheduledDecisions.in(api, "caseId=W-BRONZE")).isEmpty();
        assertThat(ScheduledDecisions.in(api, "caseId=W-STANDARD")).as("the other case is decided as before")
                .contains(new ScheduledDecisions.Fired("W-STANDARD", opened.plus(Duration.ofMinutes(45))));
        assertThat(output.getOut().lines().filter(line -> line.contains(" WARN ") && line.contains("W-BRONZE")))
                .as("said once, naming the field").singleElement().asString()
                .contains("Watched case W-BRONZE is no longer decided by itself", "case.customer.tier");

        Reply sentAgain = put("W-BRONZE", "STANDARD", opened);
        assertThat(sentAgain.status()).as(sentAgain.body()).isEqualTo(200);
        assertThat(Instant.parse(sentAgain.json().path("nextEvaluationAt").asString()))
                .as("watched again: the resolution's warning after six hours").isEqualTo(opened.plus(Duration.ofHours(6)));
    }
}
