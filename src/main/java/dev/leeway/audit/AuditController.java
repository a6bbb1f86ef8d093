package dev.leeway.audit;

import dev.leeway.problem.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** For auditors: decisions as recorded, their replay, and the export of the log. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
public class AuditController {

    private final AuditStore store;
    private final DecisionRecords decisionRecords;
    private final DecisionReplay replay;
    private final AuditExport export;
    private final JsonMapper json;

    public AuditController(AuditStore store, DecisionRecords decisionRecords, DecisionReplay replay, AuditExport export,
            JsonMapper json) {
        this.store = store;
        this.decisionRecords = decisionRecords;
        this.replay = replay;
        this.export = export;
        this.json = json;
    }

    @GetMapping("/decisions")
    @Operation(summary = "Decisions by case, rule, escape, actor and time range, newest first, a page at a time")
    public DecisionPage decisions(
            @RequestParam(required = false) String caseId,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String escape,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        InvalidParameterException.requireOrdered(from, to);
        List<StoredRecord> found = store.decisions(new DecisionFilter(caseId, rule, escape, actor, from, to),
                PageCursor.DECISIONS.position(cursor), limit + 1);
        List<DecisionSummary> items = found.stream().limit(limit)
                .map(record -> new DecisionSummary(record.recordId(), record.position(), record.recordedAt(),
                        record.caseId(), record.actorId(), record.ruleSetVersion(), record.hash()))
                .toList();
        return new DecisionPage(items,
                found.size() > limit ? PageCursor.DECISIONS.before(items.get(items.size() - 1).position()) : null);
    }

    /**
     * Written on the request's own thread, not as an asynchronous body: an asynchronous request ends
     * at the async timeout (30 s on Tomcat), which a large export outlasts, and the auditor would
     * receive a cut-off file that looks complete.
     */
    @GetMapping(path = "/export", produces = {"application/x-ndjson", "text/csv"})
    @Operation(summary = "Every record in [from, to) in chain order, of one case, actor, rule or escape if asked, "
            + "streamed as JSON Lines or CSV")
    public void export(
            @RequestParam(required = false) String caseId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String escape,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "jsonl") @Pattern(regexp = "jsonl|csv", message = "must be jsonl or csv") String format,
            HttpServletResponse response) throws IOException {
        InvalidParameterException.requireOrdered(from, to);
        ExportSelection selection = new ExportSelection(caseId, actor, rule, escape, from, to);
        boolean csv = "csv".equals(format);
        response.setContentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8).toString() : "application/x-ndjson");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"leeway-audit." + format + "\"");
        if (csv) {
            export.csv(selection, response.getOutputStream());
        } else {
            export.jsonLines(selection, response.getOutputStream());
        }
    }

    @GetMapping("/decisions/{id}")
    @Operation(summary = "The full record of a decision: input (masked), output, fired rules, rule-set version, caller, time, chain hashes")
    public JsonNode decision(@PathVariable String id) {
        DecisionRecord record = decisionRecord(id);
        ObjectNode view = json.createObjectNode();
        view.set("input", record.input());
        view.set("output", record.output());
        if (record.caller() != null) {
            view.set("caller", json.valueToTree(record.caller()));
        }
        view.put("decisionId", record.decisionId());
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

    private DecisionRecord decisionRecord(String id) {
        return decisionRecords.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No decision " + id + " is recorded."));
    }
}
