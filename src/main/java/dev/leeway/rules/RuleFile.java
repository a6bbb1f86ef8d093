package dev.leeway.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of a rule set: a DRL file, or a calendar under {@code calendars/}.
 *
 * @param path relative to the rules directory, with forward slashes (e.g. {@code escapes/goodwill.drl}
 *     or {@code calendars/support-nl.yaml})
 */
public record RuleFile(String path, String content) {

    /** The file's own content hash, {@code sha256:…}. */
    public String hash() {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform ships SHA-256", impossible);
        }
    }
}
