package dev.leeway.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.MovableClock;
import dev.leeway.audit.Append;
import dev.leeway.audit.AuditEntry;
import dev.leeway.audit.AuditStore;
import dev.leeway.audit.RecordKind;
import dev.leeway.event.CaseEvent;
import dev.leeway.event.CaseEventsRecorded;
import dev.leeway.event.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Case events reach a real HTTP receiver, signed, at least once and in order, on every database
 * Leeway runs on. The background poll is set far apart so that only the tests' own
 * {@link WebhookDispatcher#deliverDue()} calls send, and the clock moves by hand. Retries wait the
 * longest the backoff allows (the jitter is fixed at its top), up to one minute.
 */
@Import(WebhookDeliveryContract.FixedTime.class)
abstract class WebhookDeliveryContract {

    static final WireMockServer RECEIVER = new WireMockServer(wireMockConfig().dynamicPort());
    static final String CONFIGURED_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("a configured secret of 32 bytes!".getBytes());

    static {
        RECEIVER.start();
    }

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("leeway.webhooks.poll-interval", () -> "1h");
        registry.add("leeway.webhooks.max-attempts", () -> "3");
        registry.add("leeway.webhooks.backoff-base", () -> "1s");
        registry.add("leeway.webhooks.backoff-cap", () -> "1m");
        registry.add("leeway.webhooks.subscriptions[0].name", () -> "ops-feed");
        registry.add("leeway.webhooks.subscriptions[0].url", () -> RECEIVER.baseUrl() + "/configured");
        registry.add("leeway.webhooks.subscriptions[0].events[0]", () -> "case.escalated");
        registry.add("leeway.webhooks.subscriptions[0].secret", () -> CONFIGURED_SECRET);
    }

    @TestConfiguration
    static class FixedTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
        }

        @Bean
        @Primary
        Jitter longestWait() {
            return (low, high) -> high;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    AuditStore store;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    HttpApi api;
    final List<String> subscribed = new ArrayList<>();

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
        RECEIVER.resetAll();
        // Whatever earlier tests left due is sent (or given up on) before this one counts requests.
        clock.advance(Duration.ofHours(1));
        dispatcher.deliverDue();
        RECEIVER.resetAll();
    }

    @AfterEach
    void unsubscribe() {
        subscribed.forEach(id -> api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/webhooks/subscriptions/" + id)).DELETE()));
        subscribed.clear();
    }

    @Test
    void receiverDownThenUpGetsTheEventOnceSigned() {
        String secret = subscribe("/down-then-up", "deadline.breached");
        RECEIVER.stubFor(post(urlEqualTo("/down-then-up")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        RECEIVER.stubFor(post(urlEqualTo("/down-then-up")).inScenario("flaky").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        RECEIVER.stubFor(post(urlEqualTo("/down-then-up")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        double failuresBefore = count("leeway.webhooks.attempts", "failure");
        double deliveredBefore = count("leeway.webhooks.deliveries", "delivered");
        long lagsBefore = meters.get("leeway.webhooks.delivery.lag").timer().count();
        CaseEvent event = record(EventType.DEADLINE_BREACHED, "HOOK-DOWN");

        List<Instant> attemptedAt = new ArrayList<>();
        attemptedAt.add(clock.instant());
        dispatcher.deliverDue();
        dispatcher.deliverDue();
        assertThat(ReceivedWebhooks.at(RECEIVER, "/down-then-up")).as("not retried before the backoff").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        attemptedAt.add(clock.instant());
        dispatcher.deliverDue();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverDue();
        assertThat(ReceivedWebhooks.at(RECEIVER, "/down-then-up")).as("the second wait is twice the first").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        attemptedAt.add(clock.instant());
        dispatcher.deliverDue();
        clock.advance(Duration.ofMinutes(10));
        dispatcher.deliverDue();

        List<ServeEvent> received = ReceivedWebhooks.at(RECEIVER, "/down-then-up");
        assertThat(received).extracting(served -> served.getResponse().getStatus()).containsExactly(503, 503, 204);
        for (int i = 0; i < received.size(); i++) {
            var request = received.get(i).getRequest();
            ReceivedWebhooks.assertSignedWith(secret, request);
            assertThat(request.getHeader("webhook-id")).as("the same id on every attempt").isEqualTo(event.id().toString());
            assertThat(request.getHeader("webhook-timestamp")).as("signed at the attempt's time")
                    .isEqualTo(Long.toString(attemptedAt.get(i).getEpochSecond()));
            assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(request.getBodyAsString()).as("the same bytes every time")
                    .isEqualTo(received.get(0).getRequest().getBodyAsString());
        }
        JsonNode cloudEvent = ReceivedWebhooks.body(received.get(2).getRequest());
        assertThat(cloudEvent.path("specversion").asString()).isEqualTo("1.0");
        assertThat(cloudEvent.path("id").asString()).isEqualTo(event.id().toString());
        assertThat(cloudEvent.path("type").asString()).isEqualTo("deadline.breached");
        assertThat(cloudEvent.path("subject").asString()).isEqualTo("HOOK-DOWN");
        assertThat(cloudEvent.path("source").asString()).isEqualTo("urn:leeway");
        assertThat(Instant.parse(cloudEvent.path("time").asString())).isEqualTo(event.time());
        assertThat(cloudEvent.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(cloudEvent.path("leewayrecordid").asString()).isEqualTo(event.recordId());
        assertThat(cloudEvent.path("data").path("level").asInt()).isEqualTo(2);
        assertThat(count("leeway.webhooks.attempts", "failure") - failuresBefore).isEqualTo(2);
        assertThat(count("leeway.webhooks.deliveries", "delivered") - deliveredBefore).isEqualTo(1);
        assertThat(meters.get("leeway.webhooks.delivery.lag").timer().count() - lagsBefore).isEqualTo(1);
    }

    @Test
    void receiverNotListeningYetGetsTheEventOnceItListens() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        WireMockServer late = new WireMockServer(wireMockConfig().port(port));
        String secret = subscribeAt("http://localhost:" + port + "/late", "obligation.due");
        CaseEvent event = record(EventType.OBLIGATION_DUE, "HOOK-LATE");
        try {
            dispatcher.deliverDue();
            assertThat(jdbc.queryForObject("SELECT last_error FROM webhook_outbox WHERE event_id = ?", String.class,
                    event.id().toString())).as("what went wrong, by its exception's class").isEqualTo("java.net.ConnectException");

            late.start();
            late.stubFor(post(urlEqualTo("/late")).willReturn(aResponse().withStatus(200)));
            clock.advance(Duration.ofSeconds(1));
            dispatcher.deliverDue();
            clock.advance(Duration.ofMinutes(10));
            dispatcher.deliverDue();

            List<ServeEvent> received = ReceivedWebhooks.at(late, "/late");
            assertThat(ids(received)).containsExactly(event.id().toString());
            ReceivedWebhooks.assertSignedWith(secret, received.get(0).getRequest());
        } finally {
            late.stop();
        }
    }

    @Test
    void retryAfterIsHonouredInSecondsAndAsAnHttpDate() {
        subscribe("/busy", "deadline.warning");
        RECEIVER.stubFor(post(urlEqualTo("/busy")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")).willSetStateTo("in seconds"));
        String inFiveMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plus(Duration.ofSeconds(120 + 300)).atOffset(ZoneOffset.UTC));
        RECEIVER.stubFor(post(urlEqualTo("/busy")).inScenario("busy").whenScenarioStateIs("in seconds")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", inFiveMinutes)).willSetStateTo("ready"));
        RECEIVER.stubFor(post(urlEqualTo("/busy")).inScenario("busy").whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(200)));
        record(EventType.DEADLINE_WARNING, "HOOK-BUSY");

        dispatcher.deliverDue();
        clock.advance(Duration.ofSeconds(119));
        dispatcher.deliverDue();
        assertThat(ReceivedWebhooks.at(RECEIVER, "/busy")).as("Retry-After: 120 is longer than the backoff").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverDue();
        assertThat(ReceivedWebhooks.at(RECEIVER, "/busy")).hasSize(2);
        clock.advance(Duration.ofSeconds(299));
        dispatcher.deliverDue();
        assertThat(ReceivedWebhooks.at(RECEIVER, "/busy")).as("Retry-After as an HTTP-date").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverDue();

        assertThat(ReceivedWebhooks.at(RECEIVER, "/busy")).extracting(served -> served.getResponse().getStatus())
                .containsExactly(429, 503, 200);
    }

    @Test
    void deadLetterAfterMaxAttemptsCanBeReplayed() {
        String secret = subscribe("/broken", "obligation.due");
        RECEIVER.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
        CaseEvent first = record(EventType.OBLIGATION_DUE, "HOOK-DEAD");
        double deadBefore = count("leeway.webhooks.deliveries", "dead");

        for (int attempt = 0; attempt < 5; attempt++) {
            dispatcher.deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(ReceivedWebhooks.at(RECEIVER, "/broken")).as("max-attempts is 3").hasSize(3);
        assertThat(count("leeway.webhooks.deliveries", "dead") - deadBefore).isEqualTo(1);
        JsonNode deadLetter = deadLetterOf(first);
        assertThat(deadLetter.path("attempts").asInt()).isEqualTo(3);
        assertThat(deadLetter.path("lastError").asString()).isEqualTo("HTTP 500");
        assertThat(deadLetter.path("caseId").asString()).isEqualTo("HOOK-DEAD");
        assertThat(deadLetter.path("eventType").asString()).isEqualTo("obligation.due");
        assertThat(deadLetter.toString()).doesNotContain(secret);

        RECEIVER.resetAll();
        RECEIVER.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(200)));
        CaseEvent later = record(EventType.OBLIGATION_DUE, "HOOK-DEAD");
        dispatcher.deliverDue();
        assertThat(ReceivedWebhooks.at(RECEIVER, "/broken")).as("a dead letter holds no later event of its case back")
                .extracting(served -> served.getRequest().getHeader("webhook-id")).containsExactly(later.id().toString());

        Reply replay = api.post("/api/v1/webhooks/dead-letters/" + deadLetter.path("deliveryId").asString() + "/replay");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        dispatcher.deliverDue();

        List<ServeEvent> received = ReceivedWebhooks.at(RECEIVER, "/broken");
        assertThat(received).extracting(served -> served.getRequest().getHeader("webhook-id"))
                .containsExactly(later.id().toString(), first.id().toString());
        ReceivedWebhooks.assertSignedWith(secret, received.get(1).getRequest());
        assertThat(api.everyItem("/api/v1/webhooks/dead-letters").stream().map(item -> item.path("eventId").asString()))
                .doesNotContain(first.id().toString());
        Reply again = api.post("/api/v1/webhooks/dead-letters/" + deadLetter.path("deliveryId").asString() + "/replay");
        assertThat(again.status()).as("delivered now, so no longer a dead letter").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/webhooks/dead-letters/" + UUID.randomUUID() + "/replay").status()).isEqualTo(404);
    }

    @Test
    void eventsOfOneCaseArriveInOrder() {
        subscribe("/ordered", "case.escalated");
        RECEIVER.stubFor(post(urlEqualTo("/ordered")).inScenario("once down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        RECEIVER.stubFor(post(urlEqualTo("/ordered")).inScenario("once down").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        CaseEvent first = record(EventType.CASE_ESCALATED, "HOOK-ORDER-A");
        CaseEvent second = record(EventType.CASE_ESCALATED, "HOOK-ORDER-A");
        CaseEvent third = record(EventType.CASE_ESCALATED, "HOOK-ORDER-A");
        CaseEvent otherCase = record(EventType.CASE_ESCALATED, "HOOK-ORDER-B");

        dispatcher.deliverDue();
        assertThat(ids(ReceivedWebhooks.at(RECEIVER, "/ordered"))).as("the failed first holds its case back, not others")
                .containsExactly(first.id().toString(), otherCase.id().toString());
        clock.advance(Duration.ofSeconds(1));
        dispatcher.deliverDue();

        List<String> caseA = ids(ReceivedWebhooks.at(RECEIVER, "/ordered")).stream()
                .filter(id -> !id.equals(otherCase.id().toString())).toList();
        assertThat(caseA).containsExactly(first.id().toString(), first.id().toString(), second.id().toString(),
                third.id().toString());
    }

    @Test
    void twoInstancesSendEachEventOnceAndInOrder(@Autowired OutboxTable outbox, @Autowired SubscriptionTable table,
            @Autowired DeliveryMetrics metrics, @Autowired WebhookProperties properties,
            @Autowired Jitter jitter) throws Exception {
        subscribe("/shared", "deadline.warning");
        RECEIVER.stubFor(post(urlEqualTo("/shared")).willReturn(aResponse().withStatus(200)));
        Map<String, List<String>> sentPerCase = new java.util.TreeMap<>();
        for (int i = 0; i < 40; i++) {
            String caseId = "HOOK-SHARED-" + (i % 4);
            sentPerCase.computeIfAbsent(caseId, id -> new ArrayList<>())
                    .add(record(EventType.DEADLINE_WARNING, caseId).id().toString());
        }
        WebhookDispatcher other = new WebhookDispatcher(outbox, table, metrics, clock, properties, jitter);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(dispatcher::deliverDue);
            var second = pool.submit(other::deliverDue);
            first.get(1, java.util.concurrent.TimeUnit.MINUTES);
            second.get(1, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        List<ServeEvent> received = ReceivedWebhooks.at(RECEIVER, "/shared");
        assertThat(received).as("each event once").hasSize(40);
        for (Map.Entry<String, List<String>> sent : sentPerCase.entrySet()) {
            assertThat(received.stream().map(served -> ReceivedWebhooks.body(served.getRequest()))
                    .filter(event -> event.path("subject").asString().equals(sent.getKey()))
                    .map(event -> event.path("id").asString()).toList())
                    .as("in order for " + sent.getKey()).containsExactlyElementsOf(sent.getValue());
        }
    }

    @Test
    void subscriptionOnlyGetsItsEventTypes() {
        subscribe("/warnings", "deadline.warning");
        subscribe("/escapes", "escape.used", "escape.reviewed");
        RECEIVER.stubFor(post(urlEqualTo("/warnings")).willReturn(aResponse().withStatus(200)));
        RECEIVER.stubFor(post(urlEqualTo("/escapes")).willReturn(aResponse().withStatus(200)));

        CaseEvent warning = record(EventType.DEADLINE_WARNING, "HOOK-TYPES");
        record(EventType.DEADLINE_BREACHED, "HOOK-TYPES");
        dispatcher.deliverDue();

        assertThat(ids(ReceivedWebhooks.at(RECEIVER, "/warnings"))).containsExactly(warning.id().toString());
        assertThat(ReceivedWebhooks.at(RECEIVER, "/escapes")).isEmpty();
    }

    @Test
    void secretIsShownOnceAndNeverListed() {
        Reply created = api.postJson("/api/v1/webhooks/subscriptions", "{\"name\": \"crm\", \"url\": \""
                + RECEIVER.baseUrl() + "/crm\", \"events\": [\"escape.used\", \"deadline.warning\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        subscribed.add(id);
        String secret = created.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(created.json().path("events").findValuesAsString("events")).isEmpty();
        assertThat(created.json().path("events").toString()).isEqualTo("[\"deadline.warning\",\"escape.used\"]");
        assertThat(created.json().path("origin").asString()).isEqualTo("api");

        Reply listed = api.get("/api/v1/webhooks/subscriptions");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode listedOne = HttpApi.find(listed.json().path("items"), "id", id);
        assertThat(listedOne.path("url").asString()).isEqualTo(RECEIVER.baseUrl() + "/crm");
        assertThat(listed.body()).doesNotContain(secret).doesNotContain(secret.substring(6)).doesNotContain("secret");
        assertThat(listed.body()).as("nor a configured one's").doesNotContain(CONFIGURED_SECRET.substring(6));
    }

    @Test
    void invalidSubscriptionsAreRefusedNamingTheField() {
        Reply badUrl = api.postJson("/api/v1/webhooks/subscriptions", "{\"url\": \"ftp://example.test/x\", "
                + "\"events\": [\"escape.used\"]}");
        Reply badEvent = api.postJson("/api/v1/webhooks/subscriptions", "{\"url\": \"https://example.test/x\", "
                + "\"events\": [\"escape.used\", \"deadline.missed\"]}");
        Reply noEvents = api.postJson("/api/v1/webhooks/subscriptions", "{\"url\": \"https://example.test/x\", "
                + "\"events\": []}");

        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.contentType()).startsWith("application/problem+json");
        assertThat(badUrl.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
        assertThat(badEvent.status()).isEqualTo(400);
        assertThat(badEvent.json().path("errors").get(0).path("field").asString()).isEqualTo("events[1]");
        assertThat(badEvent.json().path("errors").get(0).path("message").asString()).contains("deadline.warning")
                .contains("\"deadline.missed\"");
        assertThat(noEvents.json().path("errors").get(0).path("field").asString()).isEqualTo("events");
        assertThat(api.get("/api/v1/webhooks/subscriptions").body()).doesNotContain("example.test");
    }

    @Test
    void anUnsubscribedReceiverGetsNothingMore() {
        RECEIVER.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(200)));
        subscribe("/gone", "deadline.warning");
        String id = subscribed.remove(0);

        Reply removed = api.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/webhooks/subscriptions/" + id)).DELETE());
        record(EventType.DEADLINE_WARNING, "HOOK-GONE");
        dispatcher.deliverDue();

        assertThat(removed.status()).isEqualTo(204);
        assertThat(ReceivedWebhooks.at(RECEIVER, "/gone")).isEmpty();
        assertThat(api.get("/api/v1/webhooks/subscriptions").body()).doesNotContain(id);
        Reply configured = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/v1/webhooks/subscriptions/config:ops-feed")).DELETE());
        assertThat(configured.status()).as("configured ones are removed in the configuration").isEqualTo(409);
    }

    @Test
    void configuredSubscriptionIsListedAndDelivered() {
        RECEIVER.stubFor(post(urlEqualTo("/configured")).willReturn(aResponse().withStatus(200)));

        CaseEvent escalated = record(EventType.CASE_ESCALATED, "HOOK-CONFIG");
        dispatcher.deliverDue();

        JsonNode configured = HttpApi.find(api.get("/api/v1/webhooks/subscriptions").json().path("items"), "id",
                "config:ops-feed");
        assertThat(configured.path("origin").asString()).isEqualTo("config");
        assertThat(configured.path("events").toString()).isEqualTo("[\"case.escalated\"]");
        List<ServeEvent> received = ReceivedWebhooks.at(RECEIVER, "/configured");
        assertThat(ids(received)).containsExactly(escalated.id().toString());
        ReceivedWebhooks.assertSignedWith(CONFIGURED_SECRET, received.get(0).getRequest());
    }

    @Test
    void outboxRowsVanishWithARefusedAppend() {
        subscribe("/refused", "deadline.warning");
        CaseEvent refused = event(EventType.DEADLINE_WARNING, "HOOK-REFUSED");
        CaseEvent kept = event(EventType.DEADLINE_WARNING, "HOOK-REFUSED");

        assertThatThrownBy(() -> store.append(new Append(List.of(entry(refused)), () -> {
            publisher.publishEvent(new CaseEventsRecorded(List.of(refused)));
            throw new IllegalStateException("refused by the table write beside the record");
        }))).hasMessageContaining("refused by the table write");
        store.append(new Append(List.of(entry(kept)), () -> publisher.publishEvent(new CaseEventsRecorded(List.of(kept)))));

        assertThat(outboxRows(refused)).as("the refused append's event").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE record_id = ?", Integer.class,
                refused.recordId())).isZero();
        assertThat(outboxRows(kept)).as("the kept append's event").isEqualTo(1);
    }

    @Test
    void eventsPublishedOutsideAnAuditAppendAreRefused() {
        subscribe("/outside", "deadline.warning");
        CaseEvent outside = event(EventType.DEADLINE_WARNING, "HOOK-OUTSIDE");

        assertThatThrownBy(() -> publisher.publishEvent(new CaseEventsRecorded(List.of(outside))))
                .hasMessageContaining("inside the audit append's transaction");
        assertThat(outboxRows(outside)).isZero();
    }

    @Test
    void escapeUseIsAnnouncedToSubscribers() {
        String secret = subscribe("/escape-used", "escape.used");
        RECEIVER.stubFor(post(urlEqualTo("/escape-used")).willReturn(aResponse().withStatus(200)));
        String decisionId = api.decide("{\"case\": {\"id\": \"HOOK-ESC-1\", \"contactsAboutSameProblem\": 3}}")
                .path("decisionId").asString();

        Reply invoked = invokeRepeatContact(decisionId);
        dispatcher.deliverDue();

        List<ServeEvent> received = ReceivedWebhooks.at(RECEIVER, "/escape-used");
        assertThat(received).hasSize(1);
        ReceivedWebhooks.assertSignedWith(secret, received.get(0).getRequest());
        JsonNode cloudEvent = ReceivedWebhooks.body(received.get(0).getRequest());
        assertThat(cloudEvent.path("type").asString()).isEqualTo("escape.used");
        assertThat(cloudEvent.path("subject").asString()).isEqualTo("HOOK-ESC-1");
        assertThat(cloudEvent.path("data").path("invocationId").asString())
                .isEqualTo(invoked.json().path("invocationId").asString());
        assertThat(cloudEvent.path("data").path("decisionId").asString()).isEqualTo(decisionId);
        assertThat(cloudEvent.path("data").path("escapeId").asString()).isEqualTo("repeat-contact");
        assertThat(cloudEvent.path("data").path("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(cloudEvent.path("data").has("justification")).as("free text stays in Leeway").isFalse();
    }

    @Test
    void escapeReviewIsAnnounced() {
        subscribe("/escape-reviewed", "escape.used", "escape.reviewed");
        RECEIVER.stubFor(post(urlEqualTo("/escape-reviewed")).willReturn(aResponse().withStatus(200)));
        String decisionId = api.decide("{\"case\": {\"id\": \"HOOK-ESC-2\", \"contactsAboutSameProblem\": 3}}")
                .path("decisionId").asString();
        String invocationId = invokeRepeatContact(decisionId).json().path("invocationId").asString();

        Reply reviewed = api.as(dev.leeway.TestKeys.PROBLEM_MANAGER_1).postJson(
                "/api/v1/audit/escapes/" + invocationId + "/review", "{\"outcome\": \"FLAGGED\", \"note\": \"gap\"}");
        Reply refused = api.as(dev.leeway.TestKeys.PROBLEM_MANAGER_2).postJson(
                "/api/v1/audit/escapes/" + invocationId + "/review", "{\"outcome\": \"APPROVED\", \"note\": \"ok\"}");
        dispatcher.deliverDue();

        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(409);
        List<JsonNode> received = ReceivedWebhooks.at(RECEIVER, "/escape-reviewed").stream()
                .map(served -> ReceivedWebhooks.body(served.getRequest())).toList();
        assertThat(received).extracting(event -> event.path("type").asString())
                .as("the use, then its one review; not the refused second review")
                .containsExactly("escape.used", "escape.reviewed");
        JsonNode review = received.get(1);
        assertThat(review.path("subject").asString()).isEqualTo("HOOK-ESC-2");
        assertThat(review.path("data").path("invocationId").asString()).isEqualTo(invocationId);
        assertThat(review.path("data").path("status").asString()).isEqualTo("FLAGGED");
        assertThat(review.path("data").path("reviewedBy").asString()).isEqualTo("pm-1");
        assertThat(review.path("data").has("note")).isFalse();
    }

    private Reply invokeRepeatContact(String decisionId) {
        Reply invoked = api.as(dev.leeway.TestKeys.AGENT_1).postJson("/api/v1/decisions/" + decisionId
                + "/escapes/repeat-contact/invocations", "{\"actor\": {\"id\": \"agent-1\", \"roles\": [\"AGENT\"]}, "
                + "\"justification\": \"third call about a customer's private matter\"}");
        assertThat(invoked.status()).as(invoked.body()).isEqualTo(201);
        return invoked;
    }

    /** Subscribes the receiver's path through the API; returns the secret its answer showed. */
    String subscribe(String path, String... events) {
        return subscribeAt(RECEIVER.baseUrl() + path, events);
    }

    String subscribeAt(String url, String... events) {
        Reply created = api.postJson("/api/v1/webhooks/subscriptions", "{\"url\": \"" + url
                + "\", \"events\": " + HttpApi.json(List.of(events)) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        subscribed.add(created.json().path("id").asString());
        return created.json().path("secret").asString();
    }

    /** Records an audit entry and, in its append, the event, as the watched-case helper does. */
    CaseEvent record(EventType type, String caseId) {
        CaseEvent event = event(type, caseId);
        store.append(new Append(List.of(entry(event)), () -> publisher.publishEvent(new CaseEventsRecorded(List.of(event)))));
        return event;
    }

    CaseEvent event(EventType type, String caseId) {
        return new CaseEvent(UUID.randomUUID(), type, caseId, clock.instant(), UUID.randomUUID().toString(),
                Map.of("level", 2));
    }

    private static AuditEntry entry(CaseEvent event) {
        return new AuditEntry(event.recordId(), RecordKind.DECISION, event.time(), event.caseId(), "watch", "sha256:x",
                null, "{\"case\":\"" + event.caseId() + "\"}", List.of("rule"), List.of(), null);
    }

    private int outboxRows(CaseEvent event) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM webhook_outbox WHERE event_id = ?", Integer.class,
                event.id().toString());
    }

    private JsonNode deadLetterOf(CaseEvent event) {
        return api.everyItem("/api/v1/webhooks/dead-letters?limit=1").stream()
                .filter(item -> item.path("eventId").asString().equals(event.id().toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no dead letter for " + event.id()));
    }

    private double count(String name, String outcome) {
        return meters.get(name).tag("outcome", outcome).counter().count();
    }

    private static List<String> ids(List<ServeEvent> received) {
        return received.stream().map(served -> served.getRequest().getHeader("webhook-id")).toList();
    }
}
