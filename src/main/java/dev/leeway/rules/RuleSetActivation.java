package dev.leeway.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param trigger what loaded it: {@code startup}, {@code file-watch}, {@code api} or {@code shadow-promoted}; for
 *     {@code shadow-started} and {@code shadow-discarded} the serving set stays as it was (version equals
 *     previousVersion) and the entry records what happened to the shadow named by {@code shadowVersion}
 * @param requestedBy who asked for an {@code api} reload: the authenticated caller; null otherwise
 * @param instance which instance activated it (see {@link InstanceProperties}); null in records made
 *     before instances were named
 * @param previousVersion the version it replaced, null for the first one
 * @param warnings what its validation warned of (values recorded decisions' rule sets declared and it
 *     no longer does); empty in records made before activations kept them
 * @param shadowVersion for a shadow's start or discard, the shadow rule set's version; absent otherwise
 */
public record RuleSetActivation(String version, Instant activatedAt, String trigger, String requestedBy,
        String instance, String previousVersion, List<FileChange> changes, List<RuleWarning> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shadowVersion) {

    public RuleSetActivation {
        changes = List.copyOf(changes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RuleSetActivation withWarnings(List<RuleWarning> warnings) {
        return new RuleSetActivation(version, activatedAt, trigger, requestedBy, instance, previousVersion, changes,
                warnings, shadowVersion);
    }

    /** This entry as the record of a shadow's start or discard (null: it concerns no shadow). */
    public RuleSetActivation withShadow(String shadowVersion) {
        return new RuleSetActivation(version, activatedAt, trigger, requestedBy, instance, previousVersion, changes,
                warnings, shadowVersion);
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
                List.of(), null);
    }

    private static Map<String, String> hashes(List<RuleFile> files) {
        return files.stream().collect(Collectors.toMap(RuleFile::path, RuleFile::hash, (a, b) -> a));
    }
}
