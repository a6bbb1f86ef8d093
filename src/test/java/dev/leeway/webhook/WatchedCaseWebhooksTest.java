package dev.leeway.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import dev.leeway.watch.DueTimers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * Leeway escalates a watched case on time without being asked, and tells a subscriber: the bundled
 * charter's P1 first-response clock (one hour, around the clock, warning at 75 %) runs out while
 * nobody calls, the scheduler decides the case at each instant, and the receiver gets the warning,
 * the breach and the escalation as signed CloudEvents, in that order, each naming the audit record
 * of the decision it stems from. Time moves by hand; neither timers nor deliveries poll by themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"leeway.watch.poll-interval=0", "leeway.webhooks.poll-interval=1h"})
@Import(WatchedCaseWebhooksTest.Tuesday.class)
class WatchedCaseWebhooksTest {

    static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        RECEIVER.start();
    }

    /** Tuesday 1 December 2026, 10:00 in Amsterdam. */
    static final Instant OPENED = Instant.parse("2026-12-01T09:00:00Z");

    @TestConfiguration
    static class Tuesday {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(OPENED);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    DueTimers timers;

    @Autowired
    WebhookDispatcher dispatcher;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void unansweredP1CaseIsWarnedBreachedAndEscalatedOnTimeAndTheSubscriberIsToldSigned() {
        HttpApi api = new HttpApi(port);
        RECEIVER.stubFor(post(urlEqualTo("/escalations")).willReturn(aResponse().withStatus(204)));
        Reply subscription = api.postJson("/api/v1/webhooks/subscriptions", """
                {"url": "%s/escalations", "events": ["deadline.warning", "deadline.breached", "case.escalated"]}"""
                .formatted(RECEIVER.baseUrl()));
        assertThat(subscription.status()).as(subscription.body()).isEqualTo(201);
        String secret = subscription.json().path("secret").asString();

        Reply watched = api.putJson("/api/v1/cases/P1-UNANSWERED", """
                {"case": {"id": "P1-UNANSWERED", "priority": "P1", "status": "OPEN", "channel": "PHONE",
                          "currentStep": "TIER1_SCRIPT", "openedAt": "%s"},
                 "actor": {"id": "agent-7", "roles": ["AGENT"]}}""".formatted(OPENED));
        assertThat(watched.status()).as(watched.body()).isEqualTo(200);
        Instant warning = OPENED.plus(Duration.ofMinutes(45));
        Instant breach = OPENED.plus(Duration.ofHours(1));
        assertThat(Instant.parse(watched.json().path("nextEvaluationAt").asString())).isEqualTo(warning);

        clock.advance(Duration.ofMinutes(50));
        assertThat(timers.fireDue()).as("the warning at 75 percent of the hour").isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        assertThat(timers.fireDue()).as("the breach at the hour").isEqualTo(1);
        dispatcher.deliverDue();

        List<ServeEvent> received = ReceivedWebhooks.at(RECEIVER, "/escalations");
        assertThat(received).extracting(event -> ReceivedWebhooks.body(event.getRequest()).path("type").asString())
                .containsExactly("deadline.warning", "deadline.breached", "case.escalated");
        received.forEach(event -> ReceivedWebhooks.assertSignedWith(secret, event.getRequest()));

        JsonNode warned = ReceivedWebhooks.body(received.get(0).getRequest());
        assertThat(warned.path("subject").asString()).isEqualTo("P1-UNANSWERED");
        assertThat(Instant.parse(warned.path("time").asString())).as("decided at the warning's instant").isEqualTo(warning);
        assertThat(warned.path("data").path("kind").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(warned.path("data").path("percent").asInt()).isEqualTo(75);

        JsonNode escalated = ReceivedWebhooks.body(received.get(2).getRequest());
        assertThat(Instant.parse(escalated.path("time").asString())).isEqualTo(breach);
        assertThat(escalated.path("data").path("escalateTo").asString()).isEqualTo("TEAM_LEAD");

        JsonNode record = api.get("/api/v1/audit/decisions/" + escalated.path("leewayrecordid").asString()).json();
        assertThat(record.path("caller").path("name").asString()).isEqualTo("leeway-scheduler");
        assertThat(Instant.parse(record.path("output").path("evaluatedAt").asString())).isEqualTo(breach);
        assertThat(record.path("output").path("route").path("step").asString()).isEqualTo("TEAM_LEAD");

        JsonNode watch = api.get("/api/v1/cases/P1-UNANSWERED").json();
        assertThat(watch.path("lastDecision").path("decisionId").asString())
                .isEqualTo(escalated.path("leewayrecordid").asString());
    }
}
