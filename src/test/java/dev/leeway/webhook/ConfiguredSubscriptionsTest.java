package dev.leeway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.leeway.LeewayApplication;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong configured subscription stops the start, saying which entry and what is wrong, never its secret. */
@ExtendWith(OutputCaptureExtension.class)
class ConfiguredSubscriptionsTest {

    /** Well-formed but holds six bytes of key only. */
    private static final String SHORT_SECRET = "whsec_" + Base64.getEncoder().encodeToString("s3cr3t".getBytes());
    private static final String GOOD_SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("a good secret that is long enough".getBytes());

    @Test
    void aWrongEntryStopsTheStartNamingItWithoutItsSecret(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(LeewayApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:webhook-config-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--leeway.webhooks.subscriptions[0].url=https://crm.example.test/hooks",
                "--leeway.webhooks.subscriptions[0].events[0]=deadline.warning",
                "--leeway.webhooks.subscriptions[0].secret=" + GOOD_SECRET,
                "--leeway.webhooks.subscriptions[1].name=pager",
                "--leeway.webhooks.subscriptions[1].url=ftp://pager.example.test",
                "--leeway.webhooks.subscriptions[1].events[0]=case.escalated",
                "--leeway.webhooks.subscriptions[1].events[1]=case.exploded",
                "--leeway.webhooks.subscriptions[1].secret=" + SHORT_SECRET,
                "--leeway.webhooks.subscriptions[2].url=https://third.example.test",
                "--leeway.webhooks.subscriptions[2].events[0]=escape.used",
                "--leeway.webhooks.subscriptions[2].secret=not-a-secret-of-ours"));

        assertThat(failure).isNotNull();
        String message = rootCause(failure).getMessage();
        assertThat(message)
                .contains("leeway.webhooks.subscriptions[1].url must be an absolute http or https URL")
                .contains("leeway.webhooks.subscriptions[1].events[1] must be one of deadline.warning")
                .contains("\"case.exploded\"")
                .contains("leeway.webhooks.subscriptions[1].secret must hold at least 16 bytes of key, not 6")
                .contains("leeway.webhooks.subscriptions[2].secret must start with whsec_")
                .doesNotContain("subscriptions[0]");
        for (String secret : new String[] {SHORT_SECRET, SHORT_SECRET.substring(6), GOOD_SECRET.substring(6),
                "not-a-secret-of-ours"}) {
            assertThat(message).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
