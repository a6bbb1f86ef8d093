package dev.leeway.rules;

import dev.leeway.calendar.CalendarFiles;
import dev.leeway.terms.VocabularyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a rules directory's rule-set files (DRL, calendars and the vocabulary) and names the rule set
 * they make by its content.
 */
public final class RuleFiles {

    private RuleFiles() {}

    /**
     * Every {@code .drl} file below the directory, every calendar file below its
     * {@code calendars/} and its {@code vocabulary.yaml}, in path order so that the version is
     * stable. Scenarios ({@code tests/}) are not part of the rule set.
     */
    public static List<RuleFile> read(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> new RuleFile(relative(directory, path), ""))
                    .filter(file -> file.path().endsWith(".drl") || isData(file.path()))
                    .map(file -> new RuleFile(file.path(), readString(directory.resolve(file.path()))))
                    .sorted(Comparator.comparing(RuleFile::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory, e);
        }
    }

    /** Whether a rule-set path holds data (a calendar, the vocabulary) rather than rules. */
    public static boolean isData(String path) {
        return CalendarFiles.isCalendar(path) || VocabularyFile.isVocabulary(path);
    }

    /**
     * The vocabulary the files speak: their {@code vocabulary.yaml} as read, or the standard
     * vocabulary when they have none (a rule set from before vocabularies existed).
     */
    public static VocabularyFile.Parsed vocabulary(List<RuleFile> files) {
        return vocabularyFile(files)
                .map(file -> VocabularyFile.parse(file.path(), file.content()))
                .orElse(new VocabularyFile.Parsed(Optional.of(VocabularyFile.STANDARD), List.of()));
    }

    /** The files' own {@code vocabulary.yaml}; empty for a set that speaks the standard vocabulary. */
    public static Optional<RuleFile> vocabularyFile(List<RuleFile> files) {
        return files.stream().filter(file -> VocabularyFile.isVocabulary(file.path())).findFirst();
    }

    /**
     * The rule-set version: {@code sha256:} over every file's path and content, so renaming or
     * editing any file makes a new version and the same files always make the same one.
     */
    public static String version(List<RuleFile> files) {
        MessageDigest digest = RuleFile.sha256();
        files.stream().sorted(Comparator.comparing(RuleFile::path)).forEach(file -> {
            digest.update(file.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.content().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + path, e);
        }
    }
}
