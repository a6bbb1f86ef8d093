package dev.leeway.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values features recorded, read back as the type each feature owns (an escape use, say):
 * the audit log keeps payloads as JSON, and only this package reads that JSON.
 */
@Component
public class RecordedValues {

    private final AuditStore store;
    private final JsonMapper json;

    public RecordedValues(AuditStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The recorded values among these record ids, by id, read as {@code type}: one query for a page of them. */
    public <T> Map<String, T> read(Collection<String> recordIds, Class<T> type) {
        Map<String, T> values = new LinkedHashMap<>();
        store.findAll(recordIds).forEach((id, record) -> values.put(id, json.readValue(record.payload(), type)));
        return values;
    }
}
