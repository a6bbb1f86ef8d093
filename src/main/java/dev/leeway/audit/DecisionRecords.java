package dev.leeway.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.leeway.decision.Escape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The one place that knows what a decision record's payload holds: it writes it, and reads it back. */
public class DecisionRecords {

    /** What a decision record's payload holds, in the order it is stored and hashed. */
    private record Payload(Object input, @JsonRawValue String output, DecisionRecord.Caller caller) {}

    private final AuditStore store;
    private final JsonMapper json;
    /** An escape recorded by an earlier version may carry a field this one no longer knows. */
    private final ObjectReader escapes;

    public DecisionRecords(AuditStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
        this.escapes = json.readerFor(Escape.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** @param output the answer's JSON as it is sent */
    static String payload(JsonMapper json, Object input, String output, DecisionRecord.Caller caller) {
        return json.writeValueAsString(new Payload(input, output, caller));
    }

    public Optional<DecisionRecord> find(String decisionId) {
        return store.find(decisionId).filter(record -> record.kind() == RecordKind.DECISION).map(this::read);
    }

    public DecisionRecord read(StoredRecord record) {
        if (record.kind() != RecordKind.DECISION) {
            throw new IllegalArgumentException("record " + record.recordId() + " is a " + record.kind());
        }
        JsonNode payload = json.readTree(record.payload());
        JsonNode caller = payload.get("caller");
        List<Escape> offered = new ArrayList<>();
        for (JsonNode escape : payload.path("output").path("escapes")) {
            offered.add(escapes.readValue(escape));
        }
        return new DecisionRecord(record.recordId(), record.position(), record.recordedAt(), record.caseId(),
                record.actorId(), record.ruleSetVersion(), payload.get("input"), payload.get("output"),
                caller == null || caller.isNull() ? null : json.treeToValue(caller, DecisionRecord.Caller.class),
                List.copyOf(offered), record.prevHash(), record.hash());
    }
}
