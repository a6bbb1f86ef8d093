package dev.leeway.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One time a rule set became active: which version, when, what caused it, and what changed file by
 * file against the set it replaced.
 *
 * @param trigger what loaded it: {@code startup}, {@code file-watch} or {@code api}
 * @param requestedBy who asked for an {@code api} reload: the authenticated caller; null otherwise
 * @param instance which instance activated it (see {@link InstanceProperties}); null in records made
 *     before instances were named
 * @param previousVersion the version it replaced, null for the first one
 * @param warnings what its validation warned of (values recorded decisions' rule sets declared and it
 *     no longer does); empty in records made before activations kept them
 */
public record RuleSetActivation(String version, Instant activatedAt, String trigger, String requestedBy,
        String instance, String previousVersion, List<FileChange> changes, List<RuleWarning> warnings) {

    public RuleSetActivation {
        changes = List.copyOf(changes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RuleSetActivation withWarnings(List<RuleWarning> warnings) {
        return new RuleSetActivation(version, activatedAt, trigger, requestedBy, instance, previousVersion, changes,
                warnings);
    }

    public static RuleSetActivation of(RuleSet activated, RuleSet previous, String trigger, String requestedBy,
            String instance) {
        return between(activated.version(), activated.loadedAt(), trigger, requestedBy, instance,
                previous == null ? null : previous.version(),
                previous == null ? Map.of() : hashes(previous.files()), hashes(activated.files()));
    }

    /**
     * The activation of {@code version}, whose files are {@code after}, replacing the version whose
     * files were {@code before} (both path to hash).
     */
    public static RuleSetActivation between(String version, Instant activatedAt, String trigger, String requestedBy,
            String instance, String previousVersion, Map<String, String> before, Map<String, String> after) {
        List<FileChange> changes = new ArrayList<>();
        after.forEach((path, hash) -> {
            String old = before.get(path);
            if (old == null) {
                changes.add(new FileChange(path, "ADDED", hash));
            } else if (!old.equals(hash)) {
                changes.add(new FileChange(path, "MODIFIED", hash));
            }
        });
        before.forEach((path, hash) -> {
            if (!after.containsKey(path)) {
                changes.add(new FileChange(path, "REMOVED", hash));
            }
        });
        changes.sort(Comparator.comparing(FileChange::path));
        return new RuleSetActivation(version, activatedAt, trigger, requestedBy, instance, previousVersion, changes,
                List.of());
    }

    private static Map<String, String> hashes(List<RuleFile> files) {
        return files.stream().collect(Collectors.toMap(RuleFile::path, RuleFile::hash, (a, b) -> a));
    }
}
