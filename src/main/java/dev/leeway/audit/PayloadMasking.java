package dev.leeway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hashes or removes configured fields of a request before it is stored, e.g. {@code case.customer.id}
 * hashed (still comparable between records) or {@code case.attributes.email} removed.
 */
final class PayloadMasking {

    private final List<String> hashed;
    private final List<String> removed;
    private final String salt;

    PayloadMasking(AuditProperties.Masking masking) {
        this.hashed = masking.hashed();
        this.removed = masking.removed();
        this.salt = masking.salt();
    }

    /** True when no field is configured to be hashed or removed. */
    boolean isEmpty() {
        return hashed.isEmpty() && removed.isEmpty();
    }

    /** Masks the tree in place and returns it. */
    JsonNode apply(JsonNode request) {
        hashed.forEach(path -> replace(request, path, true));
        removed.forEach(path -> replace(request, path, false));
        return request;
    }

    private void replace(JsonNode root, String path, boolean hash) {
        String[] names = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < names.length - 1 && parent != null; i++) {
            parent = parent.get(names[i]);
        }
        String field = names[names.length - 1];
        if (!(parent instanceof ObjectNode object) || !object.has(field)) {
            return;
        }
        if (hash) {
            JsonNode value = object.get(field);
            if (!value.isNull()) {
                object.put(field, "sha256:" + sha256(salt + (value.isValueNode() ? value.asString() : value.toString())));
            }
        } else {
            object.remove(field);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
