package dev.leeway.escape;

import dev.leeway.audit.RecordedValues;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every use of an escape, for auditors, also those that ask for no review and so never wait in the
 * review queue: each as the audit log recorded it before it was answered, with where its review
 * stands now.
 */
@Component
public class RecordedEscapeUses {

    private final EscapeUseTable table;
    private final RecordedValues recorded;

    public RecordedEscapeUses(EscapeUseTable table, RecordedValues recorded) {
        this.table = table;
        this.recorded = recorded;
    }

    /** Uses matching the criteria, newest first, a page at a time. */
    EscapeUsePage find(UseCriteria criteria, String cursor, int limit) {
        List<EscapeUse> found = table.newestFirst(criteria, UsePosition.from(UsePosition.BEFORE, cursor), limit + 1);
        List<EscapeUse> page = found.subList(0, Math.min(limit, found.size()));
        Map<String, EscapeUse> records = recorded.read(page.stream().map(EscapeUse::invocationId).toList(), EscapeUse.class);
        return new EscapeUsePage(page.stream().map(use -> asRecorded(use, records.get(use.invocationId()))).toList(),
                found.size() > limit ? UsePosition.of(page.get(limit - 1)).cursor(UsePosition.BEFORE) : null);
    }

    /**
     * The use as its audit record holds it (with its justification and requirements), and the
     * review's outcome, which came later, from the table.
     */
    private static EscapeUse asRecorded(EscapeUse listed, EscapeUse recorded) {
        if (recorded == null) {
            return listed;
        }
        return recorded.reviewed(listed.status(), listed.reviewedBy(), listed.note(), listed.reviewedAt());
    }
}
