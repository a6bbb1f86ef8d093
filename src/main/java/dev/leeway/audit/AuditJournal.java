package dev.leeway.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The committed audit records that the H2 database file may not hold yet, in chain order. H2 writes
 * its file in the background, half a second behind; writing it at every commit instead cost more
 * CPU than the rest of an audit write. Appending the commit's records here costs a fraction of
 * that, and once the call returns they are with the operating system, so killing the process cannot
 * lose them. At start-up, records the database lacks are put back; when the journal grows large,
 * the database file is written and the journal emptied.
 *
 * <p>Each record is one frame: its length, a CRC-32C of its bytes, then its fields. A binary frame
 * rather than a line of JSON because the payload, itself JSON, would have to be escaped on every
 * write, which cost a third of the writer thread. The CRC tells a frame cut short by the kill from
 * a damaged one.
 *
 * <p>Not thread-safe: {@link JdbcAuditStore} uses it under its own lock.
 */
final class AuditJournal {

    private static final Logger log = LoggerFactory.getLogger(AuditJournal.class);

    /** One committed record, with what the store keeps beside it. */
    record Entry(StoredRecord record, List<String> ruleIds, List<String> escapeIds) {}

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
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit journal " + file, e);
        }
    }

    Path file() {
        return file;
    }

    /** Hands the entries to the operating system; returns once a killed process could no longer lose them. */
    void append(List<Entry> entries) {
        try {
            ByteArrayOutputStream frames = new ByteArrayOutputStream(entries.size() * 10_000);
            DataOutputStream out = new DataOutputStream(frames);
            for (Entry entry : entries) {
                byte[] fields = fields(entry);
                CRC32C crc = new CRC32C();
                crc.update(fields);
                out.writeInt(fields.length);
                out.writeInt((int) crc.getValue());
                out.write(fields);
            }
            ByteBuffer bytes = ByteBuffer.wrap(frames.toByteArray());
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
     * The entries in the journal, oldest first. A last frame cut short is a write the process was
     * killed in, never acknowledged: it is left out. A damaged frame anywhere else stops start-up.
     */
    List<Entry> read() {
        byte[] journal;
        try {
            journal = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit journal " + file, e);
        }
        ByteBuffer frames = ByteBuffer.wrap(journal);
        List<Entry> entries = new ArrayList<>();
        while (frames.hasRemaining()) {
            int start = frames.position();
            if (frames.remaining() < 8) {
                log.warn("{}: ignoring the last {} bytes, a write cut short by the killed process", file,
                        frames.remaining());
                break;
            }
            int length = frames.getInt();
            int expectedCrc = frames.getInt();
            if (length < 0) {
                throw new IllegalStateException(file + ": damaged audit journal entry at byte " + start);
            }
            if (length > frames.remaining()) {
                log.warn("{}: ignoring the last {} bytes, a write cut short by the killed process", file,
                        journal.length - start);
                break;
            }
            byte[] fields = new byte[length];
            frames.get(fields);
            CRC32C crc = new CRC32C();
            crc.update(fields);
            if ((int) crc.getValue() != expectedCrc) {
                if (!frames.hasRemaining()) {
                    log.warn("{}: ignoring the last record, a write cut short by the killed process", file);
                    break;
                }
                throw new IllegalStateException(file + ": damaged audit journal entry at byte " + start);
            }
            entries.add(entry(fields));
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

    private static byte[] fields(Entry entry) throws IOException {
        StoredRecord record = entry.record();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(record.payload().length() + 512);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(record.position());
        writeText(out, record.recordId());
        writeText(out, record.kind());
        out.writeLong(record.recordedAt().getEpochSecond());
        out.writeInt(record.recordedAt().getNano());
        writeText(out, record.caseId());
        writeText(out, record.actorId());
        writeText(out, record.ruleSetVersion());
        writeText(out, record.subjectId());
        writeText(out, record.payload());
        writeText(out, record.prevHash());
        writeText(out, record.hash());
        writeTexts(out, entry.ruleIds());
        writeTexts(out, entry.escapeIds());
        return bytes.toByteArray();
    }

    private static Entry entry(byte[] fields) {
        ByteBuffer in = ByteBuffer.wrap(fields);
        StoredRecord record = new StoredRecord(in.getLong(), readText(in), readText(in),
                Instant.ofEpochSecond(in.getLong(), in.getInt()), readText(in), readText(in), readText(in),
                readText(in), readText(in), readText(in), readText(in));
        return new Entry(record, readTexts(in), readTexts(in));
    }

    /** Length-prefixed UTF-8; -1 for null. DataOutput's own writeUTF stops at 64 KB, too short for a payload. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static void writeTexts(DataOutputStream out, List<String> texts) throws IOException {
        out.writeInt(texts.size());
        for (String text : texts) {
            writeText(out, text);
        }
    }

    private static List<String> readTexts(ByteBuffer in) {
        int count = in.getInt();
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(readText(in));
        }
        return texts;
    }
}
