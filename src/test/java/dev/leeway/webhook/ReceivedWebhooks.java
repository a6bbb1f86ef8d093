package dev.leeway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a receiver got, checked as a receiver would: its own HMAC-SHA256 over
 * {@code id.timestamp.body} with the key the secret holds, per Standard Webhooks; not Leeway's code
 * nor the library Leeway signs with.
 */
final class ReceivedWebhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReceivedWebhooks() {}

    /** The requests to the path, oldest first, with the status the receiver answered each with. */
    static List<ServeEvent> at(WireMockServer receiver, String path) {
        return receiver.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(path))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    static JsonNode body(LoggedRequest request) {
        return JSON.readTree(request.getBodyAsString());
    }

    /** Fails unless one of the request's {@code webhook-signature} values is the HMAC the secret gives. */
    static void assertSignedWith(String secret, LoggedRequest request) {
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        assertThat(id).as("webhook-id").isNotBlank();
        assertThat(timestamp).as("webhook-timestamp").matches("\\d+");
        byte[] expected = hmac(secret, id + "." + timestamp + "." + new String(request.getBody(), StandardCharsets.UTF_8));
        String signatures = request.getHeader("webhook-signature");
        assertThat(signatures).as("webhook-signature").isNotBlank();
        boolean matches = Arrays.stream(signatures.split(" "))
                .filter(signature -> signature.startsWith("v1,"))
                .map(signature -> Base64.getDecoder().decode(signature.substring(3)))
                .anyMatch(signature -> MessageDigest.isEqual(signature, expected));
        assertThat(matches).as("a v1 signature over id.timestamp.body with the subscription's secret: " + signatures)
                .isTrue();
    }

    private static byte[] hmac(String secret, String signed) {
        assertThat(secret).startsWith("whsec_");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
