package dev.leeway.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets in the Standard Webhooks form: {@code whsec_} and the Base64 of the key's bytes. */
final class SigningSecret {

    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    /** Shorter keys are guessable; HMAC-SHA256 gains nothing from keys longer than its block. */
    private static final int FEWEST_KEY_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecret() {}

    static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** What is wrong with the secret, without repeating it; null when it is well-formed. */
    static String problemWith(String secret) {
        if (secret == null || secret.isBlank()) {
            return "is missing";
        }
        if (!secret.startsWith(PREFIX)) {
            return "must start with " + PREFIX + " followed by Base64";
        }
        try {
            int bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
            return bytes < FEWEST_KEY_BYTES ? "must hold at least " + FEWEST_KEY_BYTES + " bytes of key, not " + bytes : null;
        } catch (IllegalArgumentException notBase64) {
            return "is not " + PREFIX + " followed by valid Base64";
        }
    }
}
