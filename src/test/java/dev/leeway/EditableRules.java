package dev.leeway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/** A private copy of the bundled rules directory that a test may edit, as a process owner would. */
public final class EditableRules {

    private final Path directory;

    private EditableRules(Path directory) {
        this.directory = directory;
    }

    public static EditableRules copyOfBundled() {
        try {
            EditableRules rules = new EditableRules(Files.createTempDirectory("leeway-rules-"));
            rules.restore();
            // Services under test may watch the copy until their context closes, which for cached
            // Spring contexts is at JVM exit: only then can the copy go.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileSystemUtils.deleteRecursively(rules.directory);
                } catch (IOException leftForTheSystem) {
                    // a temporary directory; nothing to report at exit
                }
            }));
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /**
     * Makes the service under test load its rules from this copy, with or without watching it; a
     * watched copy is reloaded 200 ms after a save, so tests need not wait long for it.
     */
    public void serveFrom(DynamicPropertyRegistry registry, boolean watch) {
        registry.add("leeway.rules.directory", directory::toString);
        registry.add("leeway.rules.watch", () -> Boolean.toString(watch));
        if (watch) {
            registry.add("leeway.rules.watch-quiet-period", () -> "200ms");
        }
    }

    public String read(String path) {
        try {
            return Files.readString(directory.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String path, String content) {
        try {
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the directory back to the bundled rules exactly, whatever the test did to it. */
    public void restore() {
        try {
            try (Stream<Path> existing = Files.walk(directory)) {
                existing.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory)).forEach(EditableRules::delete);
            }
            try (Stream<Path> bundled = Files.walk(BundledRules.DIRECTORY)) {
                for (Path source : bundled.toList()) {
                    Path target = directory.resolve(BundledRules.DIRECTORY.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
