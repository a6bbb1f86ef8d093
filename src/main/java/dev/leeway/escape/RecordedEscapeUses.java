package dev.leeway.escape;

import dev.leeway.audit.AuditStore;
import dev.leeway.audit.StoredRecord;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every use of an escape, for auditors, also those that ask for no review and so never wait in the
 * review queue: each as the audit log recorded it before it was answered, with where its review
 * stands now.
 */
@Component
public class RecordedEscapeUses {

    private final EscapeUseTable table;
    private final AuditStore store;
    private final JsonMapper json;

    public RecordedEscapeUses(EscapeUseTable table, AuditStore store, JsonMapper json) {
        this.table = table;
        this.store = store;
        this.json = json;
    }

    /** Uses matching the criteria, newest first, a page at a time. */
    EscapeUsePage find(UseCriteria criteria, String cursor, int limit) {
        List<EscapeUse> found = table.newestFirst(criteria, UsePosition.from(UsePosition.BEFORE, cursor), limit + 1);
        List<EscapeUse> page = found.subList(0, Math.min(limit, found.size()));
        Map<String, StoredRecord> records = store.findAll(page.stream().map(EscapeUse::invocationId).toList());
        return new EscapeUsePage(page.stream().map(use -> asRecorded(use, records.get(use.invocationId()))).toList(),
                found.size() > limit ? UsePosition.of(page.get(limit - 1)).cursor(UsePosition.BEFORE) : null);
    }

    /**
     * The use as its audit record holds it (with its justification and requirements), and the
     * review's outcome, which came later, from the table.
     */
    private EscapeUse asRecorded(EscapeUse listed, StoredRecord record) {
        if (record == null) {
            return listed;
        }
        return json.readValue(record.payload(), EscapeUse.class)
                .reviewed(listed.status(), listed.reviewedBy(), listed.note(), listed.reviewedAt());
    }
}
