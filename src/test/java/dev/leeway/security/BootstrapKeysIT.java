package dev.leeway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.BootstrapKeyFile;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.PackagedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service started as the README starts it, with nothing configured: secure by
 * default. It makes one key per audience, readable by its owner only, says where they are without
 * saying what they are, and uses the same keys when started again.
 */
class BootstrapKeysIT {

    /** The data directory and service log; kept when the test fails, to see why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void aFirstStartMakesOwnerOnlyKeysPerAudienceThatLaterStartsKeep() throws Exception {
        int port = PackagedService.freePort();
        Map<String, String> keys;
        PackagedService service = PackagedService.start(data, port);
        try {
            Path file = data.resolve("api-keys.txt");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            keys = BootstrapKeyFile.read(data);
            assertThat(keys).containsOnlyKeys("helpdesk", "process-owner", "auditor", "reviewer", "operator");
            assertThat(keys.values()).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).hasSizeGreaterThan(40));
            String log = Files.readString(data.resolve("service.log"));
            assertThat(log).contains(file.toAbsolutePath().toString());
            keys.values().forEach(key -> assertThat(log).doesNotContain(key));

            HttpApi api = new HttpApi(port);
            assertThat(api.anonymous().postJson("/api/v1/decisions", "{\"case\": {\"id\": \"BOOT-1\"}}").status())
                    .isEqualTo(401);
            assertThat(api.as(keys.get("auditor")).postJson("/api/v1/decisions", "{\"case\": {\"id\": \"BOOT-1\"}}")
                    .status()).isEqualTo(403);
            String decisionId = api.as(keys.get("helpdesk")).decide(
                    "{\"case\": {\"id\": \"BOOT-1\", \"contactsAboutSameProblem\": 3}}").path("decisionId").asString();
            String invocationId = api.as(keys.get("helpdesk")).postJson("/api/v1/decisions/" + decisionId
                    + "/escapes/repeat-contact/invocations", "{\"actor\": {\"id\": \"agent-1\", \"roles\": [\"AGENT\"]}}")
                    .json().path("invocationId").asString();
            Reply review = api.as(keys.get("reviewer")).postJson("/api/v1/audit/escapes/" + invocationId + "/review",
                    "{\"outcome\": \"APPROVED\", \"note\": \"repeat contact, rightly skipped\"}");
            assertThat(review.status()).as("the reviewer holds the PROBLEM_MANAGER role the charter names: "
                    + review.body()).isEqualTo(200);
            assertThat(review.json().path("reviewedBy").asString()).isEqualTo("reviewer");
            assertThat(api.as(keys.get("operator")).get("/actuator/metrics").status()).isEqualTo(200);
        } finally {
            service.stop();
        }

        PackagedService again = PackagedService.start(data, port);
        try {
            assertThat(BootstrapKeyFile.read(data)).as("the same keys").isEqualTo(keys);
            assertThat(new HttpApi(port).as(keys.get("auditor")).get("/api/v1/audit/verify").json()
                    .path("intact").asBoolean()).isTrue();
        } finally {
            again.stop();
        }
    }
}
