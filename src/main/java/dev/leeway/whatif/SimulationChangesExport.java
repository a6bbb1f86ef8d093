package dev.leeway.whatif;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Writes a background simulation's full diff as it is read: JSON Lines (one replayed decision a
 * line, with its changes) or CSV (one changed aspect a row; a decision that failed is one row with
 * its error), flushing as it goes.
 */
@Component
class SimulationChangesExport {

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema COLUMNS = CsvSchema.builder()
            .addColumn("decisionId").addColumn("caseId").addColumn("at").addColumn("ruleSetVersion")
            .addColumn("aspect").addColumn("before").addColumn("after").addColumn("error")
            .build().withHeader();

    private final SimulationChanges changes;
    private final JsonMapper json;

    SimulationChangesExport(SimulationChanges changes, JsonMapper json) {
        this.changes = changes;
        this.json = json;
    }

    void jsonLines(String simulationId, OutputStream out) {
        changes.forEach(simulationId, outcome -> {
            try {
                out.write(json.writeValueAsBytes(outcome));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    void csv(String simulationId, OutputStream out) {
        try (SequenceWriter rows = CSV.writer(COLUMNS).without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValues(out)) {
            changes.forEach(simulationId, outcome -> {
                String at = outcome.at() == null ? null : outcome.at().toString();
                if (outcome.failed()) {
                    rows.write(new Object[] {outcome.decisionId(), outcome.caseId(), at, outcome.ruleSetVersion(),
                        null, null, null, outcome.error()});
                }
                for (Change change : outcome.changes()) {
                    rows.write(new Object[] {outcome.decisionId(), outcome.caseId(), at, outcome.ruleSetVersion(),
                        change.aspect(), change.before(), change.after(), null});
                }
                rows.flush();
            });
        }
    }
}
