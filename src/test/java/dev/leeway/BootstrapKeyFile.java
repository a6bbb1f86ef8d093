package dev.leeway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the keys a service started without configured keys wrote to {@code <data directory>/api-keys.txt}. */
public final class BootstrapKeyFile {

    private BootstrapKeyFile() {}

    /** Key by name: helpdesk, process-owner, auditor, reviewer, operator. */
    public static Map<String, String> read(Path dataDirectory) {
        Map<String, String> keys = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dataDirectory.resolve("api-keys.txt"))) {
                String[] parts = line.split(" ");
                keys.put(parts[0], parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
