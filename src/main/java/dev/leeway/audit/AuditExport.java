package dev.leeway.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.databind.SequenceWriter;

/**
 * Writes audit records as they are read: JSON Lines (one record a line, payload as JSON) or CSV
 * (payload as a JSON string), flushing as it goes, so neither side holds the whole export.
 */
public class AuditExport {

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema COLUMNS = CsvSchema.builder()
            .addColumn("position").addColumn("recordId").addColumn("kind").addColumn("recordedAt")
            .addColumn("caseId").addColumn("actorId").addColumn("ruleSetVersion").addColumn("subjectId")
            .addColumn("payload").addColumn("prevHash").addColumn("hash")
            .build().withHeader();

    private final AuditStore store;
    private final JsonMapper json;

    public AuditExport(AuditStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    public void jsonLines(ExportSelection selection, OutputStream out) {
        store.stream(selection, record -> {
            try {
                ObjectNode line = json.valueToTree(record);
                line.set("payload", json.readTree(record.payload()));
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public void csv(ExportSelection selection, OutputStream out) {
        try (SequenceWriter rows = CSV.writer(COLUMNS).without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValues(out)) {
            store.stream(selection, record -> {
                rows.write(new Object[] {record.position(), record.recordId(), record.kind().name(), record.recordedAt().toString(),
                    record.caseId(), record.actorId(), record.ruleSetVersion(), record.subjectId(), record.payload(),
                    record.prevHash(), record.hash()});
                rows.flush();
            });
        }
    }
}
