package dev.leeway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secure by default: with no keys and no identity provider configured, Leeway makes one key per
 * audience on first start and writes them, as {@code <name> <key>} lines, to a file only its owner
 * can read. Later starts use that file. The keys themselves are never logged.
 */
final class BootstrapKeys {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who gets a key, and what it may do. */
    enum Audience {
        HELPDESK("helpdesk", Set.of(Permission.DECIDE)),
        PROCESS_OWNER("process-owner", Set.of(Permission.RULES_READ, Permission.RULES_WRITE)),
        AUDITOR("auditor", Set.of(Permission.AUDIT_READ, Permission.RULES_READ)),
        /** Reviewers find the uses waiting for them in the review queue, which audit:read lists. */
        REVIEWER("reviewer", Set.of(Permission.ESCAPES_REVIEW, Permission.AUDIT_READ)),
        OPERATOR("operator", Set.of(Permission.OPS));

        final String keyName;
        final Set<Permission> permissions;

        Audience(String keyName, Set<Permission> permissions) {
            this.keyName = keyName;
            this.permissions = permissions;
        }
    }

    private BootstrapKeys() {}

    /** The keys in {@code file}, made first if it does not exist. */
    static ApiKeys from(Path file, ReviewerRoles reviewerRoles) {
        try {
            if (Files.exists(file)) {
                keepToOwner(file);
                log.info("No API keys or JWT issuer are configured: using the API keys in {}", file.toAbsolutePath());
            } else {
                create(file);
                log.warn("No API keys or JWT issuer are configured: created one API key each for {} in {}, "
                        + "readable by its owner only", names(), file.toAbsolutePath());
            }
            return new ApiKeys(read(file, reviewerRoles));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the bootstrap API keys in " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        StringBuilder lines = new StringBuilder();
        for (Audience audience : Audience.values()) {
            lines.append(audience.keyName).append(' ').append(newKey()).append('\n');
        }
        if (posix()) {
            // Created owner-only, so the keys are never readable by others, not even for a moment.
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createFile(file, ownerOnly);
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
    }

    private static void keepToOwner(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others than its owner; it is now readable by its owner only",
                    file.toAbsolutePath());
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static List<ApiKeys.Entry> read(Path file, ReviewerRoles reviewerRoles) throws IOException {
        Map<String, Audience> audiences = new LinkedHashMap<>();
        for (Audience audience : Audience.values()) {
            audiences.put(audience.keyName, audience);
        }
        List<ApiKeys.Entry> entries = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            Audience audience = parts.length == 2 ? audiences.get(parts[0]) : null;
            if (audience == null) {
                // The line may hold a key: say where it is, never what it says.
                log.warn("{}:{} is not \"<name> <key>\" with a name of {}; the line is ignored",
                        file.toAbsolutePath(), lineNumber, names());
                continue;
            }
            Supplier<Set<String>> roles = audience == Audience.REVIEWER ? reviewerRoles::named : Set::of;
            entries.add(new ApiKeys.Entry(audience.keyName, ApiKeys.sha256(parts[1]), audience.permissions, roles));
        }
        return entries;
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "lw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<String> names() {
        return Arrays.stream(Audience.values()).map(audience -> audience.keyName).toList();
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
