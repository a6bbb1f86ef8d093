package dev.leeway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that links each audit record to the one before it: SHA-256 over the previous hash and
 * every stored field, so changing, inserting or deleting a record breaks the chain from there on.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    /** Cloned for each hash: looking the algorithm up in the providers cost as much as hashing the record itself. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private ChainHash() {}

    static String of(String previousHash, long position, StoredRecord record) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
        for (Object field : new Object[] {previousHash, position, record.recordId(), record.kind(),
                record.recordedAt().toString(), record.caseId(), record.actorId(), record.ruleSetVersion(),
                record.subjectId(), record.payload()}) {
            String text = field == null ? "\u0000null" : field.toString();
            digest.update(Integer.toString(text.length()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ':');
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
