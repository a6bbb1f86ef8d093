package dev.leeway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import dev.leeway.TestKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation the served API description lists, so that a new endpoint cannot be
 * forgotten: each declares the permission it needs, refuses anonymous callers with 401 and every
 * other permission with 403, and lets the one it declares through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryOperationIsGuardedTest {

    /** Placeholders for path variables: unknown ids are fine, the check is only that the call gets past security. */
    private static final Map<String, String> PATH_VALUES = Map.of("decisionId", "0191c0de-0000-7000-8000-000000000000",
            "escapeId", "repeat-contact", "id", "0191c0de-0000-7000-8000-000000000000",
            "invocationId", "0191c0de-0000-7000-8000-000000000000",
            "verificationId", "0191c0de-0000-7000-8000-000000000000", "caseId", "GUARDED-1",
            "deliveryId", "0191c0de-0000-7000-8000-000000000000",
            "simulationId", "0191c0de-0000-7000-8000-000000000000");

    @LocalServerPort
    int port;

    record Operation(String method, String path, String permission) {}

    @Test
    void everyOperationNeedsItsOwnPermissionAndNoOther() {
        HttpApi api = new HttpApi(port);
        Reply description = api.anonymous().get("/v3/api-docs");
        assertThat(description.status()).as("the API description is public").isEqualTo(200);
        List<Operation> operations = operations(description.json());
        assertThat(operations).as("operations described").hasSizeGreaterThanOrEqualTo(18);

        SoftAssertions softly = new SoftAssertions();
        int checks = 0;
        for (Operation operation : operations) {
            softly.assertThat(operation.permission()).as(operation + " declares the permission the policy gives it")
                    .isEqualTo(policy(operation));
            if (operation.permission() == null) {
                continue;
            }
            Reply anonymous = call(api.anonymous(), operation);
            softly.assertThat(anonymous.status()).as(operation + " anonymous").isEqualTo(401);
            softly.assertThat(anonymous.contentType()).as(operation + " anonymous").startsWith("application/problem+json");
            softly.assertThat(anonymous.header("WWW-Authenticate")).as(operation + " anonymous").startsWith("Bearer");
            checks++;
            for (Permission permission : Permission.values()) {
                Reply reply = call(api.as(TestKeys.only(permission)), operation);
                if (permission.scope().equals(operation.permission())) {
                    softly.assertThat(reply.status()).as(operation + " with " + permission + ": " + reply.body())
                            .isNotIn(401, 403);
                } else {
                    softly.assertThat(reply.status()).as(operation + " with " + permission).isEqualTo(403);
                    softly.assertThat(reply.contentType()).as(operation + " with " + permission)
                            .startsWith("application/problem+json");
                    softly.assertThat(reply.json() == null ? "" : reply.json().path("detail").asString())
                            .as(operation + " with " + permission).contains(operation.permission());
                }
                checks++;
            }
        }
        softly.assertAll();
        assertThat(checks).isEqualTo(operations.size() * (1 + Permission.values().length));
    }

    @Test
    void probesAndTheApiDescriptionAnswerAnyoneHealthAnyCallerAndTheRestOfTheActuatorOnlyOperators() {
        HttpApi api = new HttpApi(port);

        for (String open : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs",
                "/swagger-ui/index.html")) {
            assertThat(api.anonymous().get(open).status()).as(open).isEqualTo(200);
        }
        Reply readiness = api.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.json().has("components")).as("a public probe tells no details").isFalse();
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(401);
        assertThat(api.as(TestKeys.only(Permission.DECIDE)).get("/actuator/health").json().has("components"))
                .as("any caller sees health with its details").isTrue();
        assertThat(api.as(TestKeys.only(Permission.DECIDE)).get("/actuator/info").status()).isEqualTo(200);
        for (Permission permission : Permission.values()) {
            Reply metrics = api.as(TestKeys.only(permission)).get("/actuator/metrics");
            assertThat(metrics.status()).as("metrics with " + permission)
                    .isEqualTo(permission == Permission.OPS ? 200 : 403);
        }
        assertThat(api.anonymous().get("/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void anUnknownPathIsRefusedToAnonymousCallersBeforeItIsFoundMissing() {
        assertThat(new HttpApi(port).anonymous().get("/api/v1/something-new").status()).isEqualTo(401);
        assertThat(new HttpApi(port).get("/api/v1/something-new").status()).isEqualTo(404);
    }

    /**
     * The permission policy of SPEC §7, written independently of the table the service enforces, so
     * that a wrong entry there fails here.
     */
    private static String policy(Operation operation) {
        String path = operation.path();
        if (path.startsWith("/api/v1/decisions") || path.startsWith("/api/v1/cases/")) {
            return "decide";
        }
        if (path.startsWith("/api/v1/rules/simulations/") && operation.method().equals("get")) {
            return "audit:read"; // a simulation's results name recorded cases
        }
        if (path.startsWith("/api/v1/rules")) {
            return operation.method().equals("get") ? "rules:read" : "rules:write";
        }
        if (path.startsWith("/api/v1/audit/escapes/") && path.endsWith("/review")) {
            return "escapes:review";
        }
        if (path.startsWith("/api/v1/audit/")) {
            return "audit:read";
        }
        if (path.startsWith("/api/v1/webhooks/")) {
            return "ops";
        }
        return "no policy for " + operation;
    }

    private Reply call(HttpApi api, Operation operation) {
        String path = operation.path();
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (operation.method().equals("get")) {
            request.GET();
        } else if (operation.method().equals("delete")) {
            request.DELETE();
        } else {
            request.header("Content-Type", "application/json")
                    .method(operation.method().toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        return api.send(request);
    }

    private static List<Operation> operations(JsonNode description) {
        List<Operation> operations = new ArrayList<>();
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                JsonNode permission = method.getValue().path(ApiDescriptionSecurity.PERMISSION_EXTENSION);
                operations.add(new Operation(method.getKey(), path.getKey(),
                        permission.isMissingNode() ? null : permission.asString()));
            }
        }));
        return operations;
    }
}
