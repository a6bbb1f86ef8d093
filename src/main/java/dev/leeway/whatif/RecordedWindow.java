package dev.leeway.whatif;

import dev.leeway.audit.AuditStore;
import dev.leeway.audit.DecisionFilter;
import dev.leeway.audit.StoredRecord;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Reads the decisions recorded in a window a page at a time, newest first, along the audit
 * listing's indexes: only one page is held at once, and no transaction stays open between pages,
 * so a replay may take as long as it needs and be stopped between any two records.
 */
@Component
class RecordedWindow {

    private final AuditStore store;

    RecordedWindow(AuditStore store) {
        this.store = store;
    }

    /**
     * Hands each decision to {@code each} until the window ends or {@code goOn} says stop; {@code
     * pageRead} hears of the end of each page, where progress is worth saving.
     */
    void forEach(DecisionFilter filter, int pageSize, BooleanSupplier goOn, Consumer<StoredRecord> each,
            Runnable pageRead) {
        long before = 0;
        while (goOn.getAsBoolean()) {
            List<StoredRecord> page = store.decisions(filter, before, pageSize);
            for (StoredRecord record : page) {
                if (!goOn.getAsBoolean()) {
                    return;
                }
                each.accept(record);
            }
            pageRead.run();
            if (page.size() < pageSize) {
                return;
            }
            before = page.get(page.size() - 1).position();
        }
    }

    /** Up to {@code limit} decisions of the window, newest first, in one query. */
    List<StoredRecord> first(DecisionFilter filter, int limit) {
        return store.decisions(filter, 0, limit);
    }
}
