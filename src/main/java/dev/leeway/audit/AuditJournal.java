package dev.leeway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed audit records that the H2 database file may not hold yet, one JSON line each, in
 * chain order. H2 writes its file in the background, half a second behind; writing it at every
 * commit instead cost more CPU than the rest of an audit write. Appending the commit's records here
 * costs a fraction of that, and once the call returns they are with the operating system, so
 * killing the process cannot lose them. At start-up, records the database lacks are put back; when
 * the journal grows large, the database file is written and the journal emptied.
 *
 * <p>Not thread-safe: {@link JdbcAuditStore} uses it under its own lock.
 */
final class AuditJournal {

    private static final Logger log = LoggerFactory.getLogger(AuditJournal.class);

    /** One committed record, with what the store keeps beside it. */
    record Entry(StoredRecord record, List<String> ruleIds, List<String> escapeIds) {}

    // A mapper of its own: how the API writes JSON may change, what the journal holds may not.
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path file;
    private final FileChannel channel;

    /** The journal of an H2 file database, beside its file; none for an in-memory database. */
    static AuditJournal besideH2File(JdbcTemplate h2) {
        String databasePath = h2.queryForObject("SELECT DATABASE_PATH()", String.class);
        return databasePath == null ? null : new AuditJournal(Path.of(databasePath + ".audit-journal"));
    }

    AuditJournal(Path file) {
        this.file = file;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit journal " + file, e);
        }
    }

    Path file() {
        return file;
    }

    /** Hands the entries to the operating system; returns once a killed process could no longer lose them. */
    void append(List<Entry> entries) {
        StringBuilder lines = new StringBuilder(entries.size() * 10_000);
        for (Entry entry : entries) {
            lines.append(json.writeValueAsString(entry)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit journal " + file, e);
        }
    }

    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of the audit journal " + file, e);
        }
    }

    /**
     * The entries in the journal, oldest first. A last line cut short is a write the process was
     * killed in, never acknowledged: it is left out. A damaged line anywhere else stops start-up.
     */
    List<Entry> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit journal " + file, e);
        }
        List<Entry> entries = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                entries.add(json.readValue(lines.get(i), Entry.class));
            } catch (JacksonException e) {
                if (i < lines.size() - 1) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": damaged audit journal entry: "
                            + e.getOriginalMessage(), e);
                }
                log.warn("{}:{}: ignoring an audit journal entry cut short (a write the process was killed in)",
                        file, i + 1);
            }
        }
        return entries;
    }

    /** Empties the journal; only once the database file holds everything in it. */
    void clear() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty the audit journal " + file, e);
        }
    }
}
