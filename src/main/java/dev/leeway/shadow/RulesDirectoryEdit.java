package dev.leeway.shadow;

import dev.leeway.rules.CandidateChange;
import dev.leeway.rules.RuleFile;
import dev.leeway.rules.RuleSetCandidate;
import dev.leeway.rules.SubmittedFile;
import dev.leeway.scenario.ScenarioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A promoted shadow's change written into the rules directory, which stays the source of truth:
 * a later file-watch reload or restart loads what was promoted. What it overwrote or removed is
 * kept, so that a promotion the loader refuses puts the directory back as it was.
 */
final class RulesDirectoryEdit {

    private final Path directory;
    /** Path to its content before the edit; empty: the file did not exist. */
    private final Map<String, Optional<String>> before = new LinkedHashMap<>();

    private RulesDirectoryEdit(Path directory) {
        this.directory = directory;
    }

    /** Writes the change's files and removes its removed paths (every other file, for {@code replaceAll}). */
    static RulesDirectoryEdit apply(Path directory, CandidateChange change, RuleSetCandidate base) {
        RulesDirectoryEdit edit = new RulesDirectoryEdit(directory);
        Set<String> submitted = change.files().stream().map(SubmittedFile::path).collect(Collectors.toSet());
        Stream<String> removed = change.replaceAll()
                ? Stream.concat(base.rules().stream().map(RuleFile::path), base.scenarios().stream().map(ScenarioSource::path))
                        .filter(path -> !submitted.contains(path))
                : change.remove().stream();
        try {
            removed.forEach(edit::delete);
            change.files().forEach(file -> edit.write(file.path(), file.content()));
        } catch (UncheckedIOException e) {
            edit.undo();
            throw e;
        }
        return edit;
    }

    /** Puts back every file the edit touched. */
    void undo() {
        before.forEach((path, content) -> {
            try {
                Path file = resolve(path);
                if (content.isPresent()) {
                    Files.writeString(file, content.get());
                } else {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not restore " + path + " in the rules directory", e);
            }
        });
    }

    private void write(String path, String content) {
        try {
            remember(path);
            Path file = resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path + " into the rules directory", e);
        }
    }

    private void delete(String path) {
        try {
            remember(path);
            Files.deleteIfExists(resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + path + " from the rules directory", e);
        }
    }

    private void remember(String path) throws IOException {
        if (!before.containsKey(path)) {
            Path file = resolve(path);
            before.put(path, Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty());
        }
    }

    /** Submitted paths are checked to stay inside the directory; this holds the line for removals too. */
    private Path resolve(String path) {
        Path file = directory.resolve(path).normalize();
        if (!file.startsWith(directory.normalize())) {
            throw new UncheckedIOException(new IOException(path + " is outside the rules directory"));
        }
        return file;
    }
}
