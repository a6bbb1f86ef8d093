package dev.leeway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
 * <p>The file is mapped into memory: a record copied into the mapping is in the operating system's
 * page cache at once, as a {@code write} would have put it, but without a system call per batch;
 * the journal's share of the writer thread fell from about 20 to 8 µs per decision. A mapped file
 * is not shrunk (some systems refuse to), so it keeps its size and emptying it starts a new
 * generation instead: each frame's checksum covers the generation it was written in, so frames
 * left over from earlier ones are never read back.
 *
 * <p>The file starts with a header (a marker, then the generation). Each record is one frame: its
 * length, a CRC-32C of the generation and its bytes, then its fields; a zero length ends the
 * journal. A binary frame rather than a line of JSON because the payload, itself JSON, would have
 * to be escaped on every write, which cost a third of the writer thread. The CRC tells a frame cut
 * short by the kill from a damaged one. A journal written before the header existed (frames from
 * the first byte, checksums over the fields alone) is still read, and replaced once emptied.
 *
 * <p>Not thread-safe: {@link JdbcAuditStore} uses it under its own lock.
 */
final class AuditJournal {

    private static final Logger log = LoggerFactory.getLogger(AuditJournal.class);

    /** Room for the store's limit and the batch that crosses it: beyond that it writes the database file. */
    static final int CAPACITY = 64 * 1024 * 1024;
    /** "LWJ2": a journal with a header, as opposed to one from before the header existed. */
    private static final int MARKER = 0x4C574A32;
    private static final int HEADER_BYTES = 16;
    private static final int FRAME_HEADER_BYTES = 8;
    /** The generation of a journal written before the header existed: its checksums cover no generation. */
    private static final long NO_GENERATION = -1;

    /** One committed record, with what the store keeps beside it. */
    record Entry(StoredRecord record, List<String> ruleIds, List<String> escapeIds) {}

    private final Path file;
    private final MappedByteBuffer mapped;
    private long generation;
    /** Where the next frame goes; the end marker (a zero length) is there. */
    private int end;

    /** The journal of an H2 file database, beside its file; none for an in-memory database. */
    static AuditJournal besideH2File(JdbcTemplate h2) {
        String databasePath = h2.queryForObject("SELECT DATABASE_PATH()", String.class);
        return databasePath == null ? null : new AuditJournal(Path.of(databasePath + ".audit-journal"));
    }

    AuditJournal(Path file) {
        this.file = file;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            // Mapping beyond the end of the file makes it that long, the rest reading as zeros.
            this.mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, Math.max(CAPACITY, channel.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit journal " + file, e);
        }
        generation = mapped.getInt(0) == MARKER ? mapped.getLong(8) : NO_GENERATION;
        end = scan().end();
        if (generation == NO_GENERATION && end == 0) {
            // Nothing to read back: the first generation can start.
            clear();
        }
    }

    Path file() {
        return file;
    }

    /**
     * Hands the entries to the operating system; once it returns, a killed process could no longer
     * lose them. Answers false, writing nothing, when they do not fit: the caller must then make
     * them durable another way.
     */
    boolean append(List<Entry> entries) {
        if (generation == NO_GENERATION) {
            throw new IllegalStateException("The audit journal " + file + " must be read and emptied before appending");
        }
        List<byte[]> frames = new ArrayList<>(entries.size());
        long length = 0;
        for (Entry entry : entries) {
            byte[] fields = fields(entry);
            frames.add(fields);
            length += FRAME_HEADER_BYTES + fields.length;
        }
        if (end + length + FRAME_HEADER_BYTES > mapped.capacity()) {
            return false;
        }
        // The end marker first, beyond the new frames: a kill while copying them leaves a frame cut
        // short, not one followed by what an earlier append left there.
        mapped.putLong(end + (int) length, 0);
        for (byte[] fields : frames) {
            mapped.putInt(end, fields.length);
            mapped.putInt(end + 4, checksum(generation, fields));
            mapped.put(end + FRAME_HEADER_BYTES, fields);
            end += FRAME_HEADER_BYTES + fields.length;
        }
        return true;
    }

    /** Bytes in use, header included. */
    long size() {
        return end;
    }

    /**
     * The entries in the journal, oldest first. A last frame cut short is a write the process was
     * killed in, never acknowledged: it is left out. A damaged frame anywhere else stops start-up.
     */
    List<Entry> read() {
        Scan scan = scan();
        if (scan.cutShort()) {
            log.warn("{}: ignoring what follows byte {}, a write cut short by the killed process", file, scan.end());
        }
        return scan.entries();
    }

    /** Empties the journal; only once the database file holds everything in it. */
    void clear() {
        long next;
        do {
            next = ThreadLocalRandom.current().nextLong();
        } while (next == NO_GENERATION || next == generation);
        // Each step leaves a journal that reads as empty: first no header (and, in a journal from
        // before headers, no first frame), then an end marker, then the new generation. A random
        // one, so that a generation never comes back to make an earlier one's frames count again.
        mapped.putInt(0, 0);
        mapped.putLong(HEADER_BYTES, 0);
        mapped.putLong(8, next);
        mapped.putInt(4, 0);
        mapped.putInt(0, MARKER);
        generation = next;
        end = HEADER_BYTES;
    }

    /** The current generation's entries, where they end, and whether a frame cut short follows. */
    private record Scan(List<Entry> entries, int end, boolean cutShort) {}

    private Scan scan() {
        List<Entry> entries = new ArrayList<>();
        int position = generation == NO_GENERATION ? 0 : HEADER_BYTES;
        while (true) {
            int length = frameLength(position);
            if (length == 0) {
                return new Scan(entries, position, false);
            }
            byte[] fields = fieldsAt(position, length);
            if (fields == null) {
                int next = position + FRAME_HEADER_BYTES + length;
                if (length > 0 && fieldsAt(next, frameLength(next)) != null) {
                    throw new IllegalStateException(file + ": damaged audit journal entry at byte " + position);
                }
                return new Scan(entries, position, true);
            }
            entries.add(entry(fields));
            position += FRAME_HEADER_BYTES + length;
        }
    }

    /** The length a frame at this position claims: 0 at the end, -1 where no whole frame fits. */
    private int frameLength(int position) {
        if (position == mapped.capacity()) {
            return 0;
        }
        if (position < 0 || position > mapped.capacity() - FRAME_HEADER_BYTES) {
            return -1;
        }
        int length = mapped.getInt(position);
        return length > mapped.capacity() - position - FRAME_HEADER_BYTES ? -1 : length;
    }

    /** The fields of a whole, undamaged frame of this generation at this position; null where there is none. */
    private byte[] fieldsAt(int position, int length) {
        if (length <= 0) {
            return null;
        }
        byte[] fields = new byte[length];
        mapped.get(position + FRAME_HEADER_BYTES, fields);
        return mapped.getInt(position + 4) == checksum(generation, fields) ? fields : null;
    }

    private static int checksum(long generation, byte[] fields) {
        CRC32C crc = new CRC32C();
        if (generation != NO_GENERATION) {
            crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, generation));
        }
        crc.update(fields);
        return (int) crc.getValue();
    }

    /**
     * The entry's fields in one array of exactly their size: each text is encoded once and copied
     * once. Written through streams, the payload was copied five times over, which cost as much as
     * hashing it.
     */
    private static byte[] fields(Entry entry) {
        StoredRecord record = entry.record();
        byte[][] texts = utf8(record.recordId(), record.kind(), record.caseId(), record.actorId(),
                record.ruleSetVersion(), record.subjectId(), record.payload(), record.prevHash(), record.hash());
        byte[][] ruleIds = utf8(entry.ruleIds().toArray(String[]::new));
        byte[][] escapeIds = utf8(entry.escapeIds().toArray(String[]::new));
        ByteBuffer out = ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES * 3
                + encodedLength(texts) + encodedLength(ruleIds) + encodedLength(escapeIds));
        out.putLong(record.position());
        putText(out, texts[0]);
        putText(out, texts[1]);
        out.putLong(record.recordedAt().getEpochSecond());
        out.putInt(record.recordedAt().getNano());
        for (int text = 2; text < texts.length; text++) {
            putText(out, texts[text]);
        }
        putTexts(out, ruleIds);
        putTexts(out, escapeIds);
        return out.array();
    }

    private static byte[][] utf8(String... texts) {
        byte[][] encoded = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            encoded[i] = texts[i] == null ? null : texts[i].getBytes(StandardCharsets.UTF_8);
        }
        return encoded;
    }

    /** Each text's length prefix and bytes. */
    private static int encodedLength(byte[][] texts) {
        int length = 0;
        for (byte[] text : texts) {
            length += Integer.BYTES + (text == null ? 0 : text.length);
        }
        return length;
    }

    private static Entry entry(byte[] fields) {
        ByteBuffer in = ByteBuffer.wrap(fields);
        StoredRecord record = new StoredRecord(in.getLong(), readText(in), readText(in),
                Instant.ofEpochSecond(in.getLong(), in.getInt()), readText(in), readText(in), readText(in),
                readText(in), readText(in), readText(in), readText(in));
        return new Entry(record, readTexts(in), readTexts(in));
    }

    /** Length-prefixed UTF-8; -1 for null. */
    private static void putText(ByteBuffer out, byte[] utf8) {
        if (utf8 == null) {
            out.putInt(-1);
            return;
        }
        out.putInt(utf8.length);
        out.put(utf8);
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

    /** A count, then each text. */
    private static void putTexts(ByteBuffer out, byte[][] texts) {
        out.putInt(texts.length);
        for (byte[] text : texts) {
            putText(out, text);
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
