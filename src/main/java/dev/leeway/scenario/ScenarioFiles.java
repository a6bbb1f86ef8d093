package dev.leeway.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the scenario files under {@code <rules>/tests/}. */
public final class ScenarioFiles {

    // Strict: a misspelt expectation key must fail loudly, not silently expect nothing.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ScenarioFiles() {}

    /** Every scenario file, parsed; the first unreadable one throws {@link ScenarioFileException}. */
    public static List<ScenarioFile> read(Path rulesDirectory) {
        return sources(rulesDirectory).stream().map(ScenarioFiles::parse).toList();
    }

    /** The raw text of every {@code .yaml}/{@code .yml} file in {@code tests/} below the rules directory, in path order. */
    public static List<ScenarioSource> sources(Path rulesDirectory) {
        Path tests = rulesDirectory.resolve("tests");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(tests)) {
            return paths.filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(path -> new ScenarioSource(rulesDirectory.relativize(path).toString().replace('\\', '/'),
                            readString(path)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario directory " + tests, e);
        }
    }

    public static ScenarioFile parse(ScenarioSource source) {
        try {
            ScenarioFile parsed = YAML.readValue(source.content(), ScenarioFile.class);
            return new ScenarioFile(source.path(), parsed == null ? List.of() : parsed.scenarios());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String where = e.getPathReference() == null ? "" : " (at " + e.getPathReference() + ")";
            throw new ScenarioFileException(source.path(), line, column, e.getOriginalMessage() + where);
        }
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + path, e);
        }
    }
}
