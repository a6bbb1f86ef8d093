package dev.leeway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journal that versions before the one store design kept beside an H2 file database. A process
 * killed under such a version may have answered decisions that only the journal holds; this
 * version does not read them back, so it refuses to start until the earlier version has put them
 * into the database, and otherwise deletes the journal.
 *
 * <p>Reads only what that takes: frames (length, CRC-32C over the generation and the fields, then
 * the fields, led by the record's chain position) after an optional header ("LWJ2", then the generation).
 */
final class LegacyJournal {

    private static final Logger log = LoggerFactory.getLogger(LegacyJournal.class);
    private static final int MARKER = 0x4C574A32;

    private LegacyJournal() {}

    static void retireBesideDatabaseFile(JdbcTemplate jdbc, AuditDialect dialect) {
        Path file = dialect.databaseFile(jdbc).map(database -> Path.of(database + ".audit-journal")).orElse(null);
        if (file == null || !Files.exists(file)) {
            return;
        }
        long head = jdbc.queryForObject("SELECT chain_position FROM audit_chain_head WHERE id = 1", Long.class);
        long journaled = lastPosition(file);
        if (journaled > head) {
            throw new IllegalStateException("The audit journal " + file + " holds records up to position " + journaled
                    + " that the database, which ends at " + head + ", does not: answered decisions of a process "
                    + "that was killed. Start the previous version of Leeway once on this data directory, which puts "
                    + "them back, stop it, then start this version.");
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the retired audit journal " + file, e);
        }
        log.info("Deleted the retired audit journal {}: the database holds everything it did", file);
    }

    /** The chain position of the last whole frame, 0 when there is none. */
    private static long lastPosition(Path file) {
        ByteBuffer journal;
        try {
            journal = ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the retired audit journal " + file, e);
        }
        boolean header = journal.capacity() >= 16 && journal.getInt(0) == MARKER;
        Long generation = header ? journal.getLong(8) : null;
        long last = 0;
        int at = header ? 16 : 0;
        while (at + 8 + Long.BYTES <= journal.capacity()) {
            int length = journal.getInt(at);
            if (length < Long.BYTES || length > journal.capacity() - at - 8) {
                return last;
            }
            byte[] fields = new byte[length];
            journal.get(at + 8, fields);
            CRC32C crc = new CRC32C();
            if (generation != null) {
                crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, generation));
            }
            crc.update(fields);
            if (journal.getInt(at + 4) != (int) crc.getValue()) {
                return last;
            }
            last = ByteBuffer.wrap(fields).getLong();
            at += 8 + length;
        }
        return last;
    }
}
