package dev.leeway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** For auditors: the full record of a decision, its replay, and the integrity of the whole log. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
public class AuditController {

    private final AuditStore store;
    private final DecisionReplay replay;
    private final JsonMapper json;

    public AuditController(AuditStore store, DecisionReplay replay, JsonMapper json) {
        this.store = store;
        this.replay = replay;
        this.json = json;
    }

    @GetMapping("/decisions/{id}")
    @Operation(summary = "The full record of a decision: input (masked), output, fired rules, rule-set version, caller, time, chain hashes")
    public JsonNode decision(@PathVariable String id) {
        StoredRecord record = decisionRecord(id);
        ObjectNode view = (ObjectNode) json.readTree(record.payload());
        view.put("decisionId", record.recordId());
        view.put("recordedAt", record.recordedAt().toString());
        view.put("ruleSetVersion", record.ruleSetVersion());
        view.put("position", record.position());
        view.put("prevHash", record.prevHash());
        view.put("hash", record.hash());
        return view;
    }

    @GetMapping("/decisions/{id}/replay")
    @Operation(summary = "Decide the recorded input again with the exact rules it used, and compare")
    public DecisionReplay.Outcome replay(@PathVariable String id) {
        return replay.replay(decisionRecord(id));
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the hash chain; say where it breaks if a record was changed or deleted")
    public ChainVerification verify() {
        return store.verify();
    }

    private StoredRecord decisionRecord(String id) {
        return store.find(id)
                .filter(record -> "DECISION".equals(record.kind()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No decision " + id + " is recorded."));
    }
}
