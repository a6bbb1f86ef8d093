package dev.leeway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The API keys Leeway accepts, each known only by its SHA-256. A presented key is hashed and
 * compared with every key's hash in constant time, so neither the comparison nor the search
 * tells by its timing how close a guess came.
 */
public final class ApiKeys {

    /**
     * One accepted key.
     *
     * @param staffRoles read at each call, so that a bootstrap reviewer follows the charter's reviewer roles
     */
    public record Entry(String name, byte[] sha256, Set<Permission> permissions, Supplier<Set<String>> staffRoles) {}

    private final List<Entry> entries;

    public ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The keys configured under {@code leeway.security.api-keys}; refuses a malformed entry at start-up. */
    public static ApiKeys configured(List<SecurityProperties.ApiKey> keys) {
        Set<String> names = new LinkedHashSet<>();
        return new ApiKeys(keys.stream().map(key -> {
            String where = "leeway.security.api-keys entry \"" + key.name() + "\"";
            if (key.name() == null || key.name().isBlank()) {
                throw new IllegalStateException("Every leeway.security.api-keys entry needs a name");
            }
            if (!names.add(key.name())) {
                throw new IllegalStateException(where + " is configured twice");
            }
            if (key.sha256() == null || !key.sha256().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException(where + ": sha256 must be the key's SHA-256 as 64 hexadecimal "
                        + "digits (never the key itself)");
            }
            Set<Permission> permissions;
            try {
                permissions = Set.copyOf(key.permissions().stream().map(Permission::named).toList());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
            Set<String> roles = Set.copyOf(key.staffRoles());
            return new Entry(key.name(), HexFormat.of().parseHex(key.sha256()), permissions, () -> roles);
        }).toList());
    }

    /** The caller whose key this is, if any key matches. */
    public Optional<Caller> authenticate(String presented) {
        byte[] hash = sha256(presented);
        Entry match = null;
        for (Entry entry : entries) {
            // Every entry is compared, also after a match, so the time taken does not say which one matched.
            if (MessageDigest.isEqual(entry.sha256(), hash)) {
                match = entry;
            }
        }
        if (match == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(match.name(), null, match.permissions(), match.staffRoles().get()));
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
