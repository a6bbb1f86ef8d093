package dev.leeway.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.LeewayApplication;
import dev.leeway.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Timers live in the database: those that came due while the service was down fire right after it
 * starts again, each at its own instant and once.
 */
class WatchAfterRestartTest {

    @TempDir
    Path data;

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));

    @Test
    void timersThatCameDueWhileTheServiceWasDownFireRightAfterItStartsEachAtItsInstant() {
        Instant opened = clock.instant();
        try (ConfigurableApplicationContext first = start("0")) {
            HttpApi.Reply reply = api(first).putJson("/api/v1/cases/RESTART-1",
                    "{\"case\": {\"id\": \"RESTART-1\", \"priority\": \"P1\", \"openedAt\": \"" + opened + "\"}}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }

        clock.advance(Duration.ofHours(3));

        // P1 counts around the clock: the first response was warned of after 45 minutes and missed
        // after an hour, and the team lead's contact came due an hour after that.
        Instant warning = opened.plus(Duration.ofMinutes(45));
        Instant breach = opened.plus(Duration.ofHours(1));
        Instant contactDue = breach.plus(Duration.ofHours(1));
        try (ConfigurableApplicationContext second = start("20ms")) {
            HttpApi api = api(second);
            api.awaited("/api/v1/cases/RESTART-1",
                    watch -> watch.path("lastDecision").path("evaluatedAt").asString().equals(contactDue.toString()),
                    Duration.ofSeconds(30));

            assertThat(ScheduledDecisions.in(api, "caseId=RESTART-1")).containsExactly(
                    new ScheduledDecisions.Fired("RESTART-1", warning),
                    new ScheduledDecisions.Fired("RESTART-1", breach),
                    new ScheduledDecisions.Fired("RESTART-1", contactDue));
            assertThat(api.get("/api/v1/cases/RESTART-1").json().path("nextEvaluationAt").asString())
                    .as("the resolution's warning after six hours; the contact is not owed afresh")
                    .isEqualTo(opened.plus(Duration.ofHours(6)).toString());
        }
    }

    private ConfigurableApplicationContext start(String pollInterval) {
        return new SpringApplicationBuilder(LeewayApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("movableClock",
                        MovableClock.class, () -> clock, definition -> definition.setPrimary(true)))
                .run(List.of("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("leeway") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--leeway.rules.watch=false",
                        "--leeway.watch.poll-interval=" + pollInterval).toArray(String[]::new));
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
