package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.LeewayApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Auditors ask which rules were in force months ago, across deployments: the rule-set history is
 * read from the audit log, so a restart does not wipe it. Only with the audit log off does it
 * last no longer than the process.
 */
class RuleSetHistoryAfterRestartTest {

    static final String GOODWILL = "escapes/goodwill.drl";

    @TempDir
    Path data;

    final EditableRules rules = EditableRules.copyOfBundled();

    @Test
    void historyStillShowsTheReloadsBeforeARestart() {
        String bundledVersion;
        String editedVersion;
        try (ConfigurableApplicationContext first = start("--leeway.instance-name=helpdesk-eu-1")) {
            HttpApi api = api(first);
            bundledVersion = api.get("/api/v1/rules").json().path("version").asString();
            rules.write(GOODWILL, rules.read(GOODWILL).replace(".upTo(50)", ".upTo(60)"));
            Reply reload = api.postJson("/api/v1/rules/reload", "");
            assertThat(reload.json().path("status").asString()).as(reload.body()).isEqualTo("ACTIVATED");
            editedVersion = reload.json().path("activeVersion").asString();
        }

        try (ConfigurableApplicationContext second = start("--leeway.instance-name=helpdesk-eu-2")) {
            JsonNode history = api(second).get("/api/v1/rules/history").json().path("items");

            assertThat(history.findValuesAsString("trigger")).containsExactly("startup", "api", "startup");
            assertThat(history.findValuesAsString("version")).containsExactly(editedVersion, editedVersion, bundledVersion);
            assertThat(history.findValuesAsString("instance")).as("which instance started serving each version")
                    .containsExactly("helpdesk-eu-2", "helpdesk-eu-1", "helpdesk-eu-1");
            JsonNode reload = history.get(1);
            assertThat(reload.path("previousVersion").asString()).isEqualTo(bundledVersion);
            assertThat(reload.path("requestedBy").asString()).as("the authenticated caller")
                .isEqualTo("test-all");
            assertThat(history.get(0).path("requestedBy").isNull()).as("a start-up is asked for by no caller").isTrue();
            assertThat(reload.path("changes").findValuesAsString("path")).containsExactly(GOODWILL);
            assertThat(reload.path("changes").get(0).path("change").asString()).isEqualTo("MODIFIED");
        }
    }

    @Test
    void withTheAuditLogOffTheHistoryLastsAsLongAsTheProcess() {
        try (ConfigurableApplicationContext first = start("--leeway.audit.enabled=false",
                "--leeway.instance-name=helpdesk-eu-1")) {
            HttpApi api = api(first);
            rules.write(GOODWILL, rules.read(GOODWILL).replace(".upTo(50)", ".upTo(60)"));
            api.postJson("/api/v1/rules/reload", "");
            List<JsonNode> history = api.everyItem("/api/v1/rules/history?limit=1");
            assertThat(history).extracting(activation -> activation.path("trigger").asString())
                    .containsExactly("api", "startup");
            assertThat(history).extracting(activation -> activation.path("instance").asString())
                    .containsExactly("helpdesk-eu-1", "helpdesk-eu-1");
            assertThat(history.get(0).path("changes").findValuesAsString("path")).containsExactly(GOODWILL);
        }

        try (ConfigurableApplicationContext second = start("--leeway.audit.enabled=false")) {
            assertThat(api(second).get("/api/v1/rules/history").json().path("items").findValuesAsString("trigger"))
                    .containsExactly("startup");
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("leeway") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--leeway.rules.directory=" + rules.directory(),
                "--leeway.rules.watch=false"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(LeewayApplication.class).run(arguments.toArray(String[]::new));
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
