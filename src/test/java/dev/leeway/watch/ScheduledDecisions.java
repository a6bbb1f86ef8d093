package dev.leeway.watch;

import dev.leeway.HttpApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The decisions the audit log says the scheduler made, read from its export as an auditor would. */
final class ScheduledDecisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One decision the scheduler asked for: which case, at which instant. */
    record Fired(String caseId, Instant at) {}

    private ScheduledDecisions() {}

    /** In the order the log holds them. */
    static List<Fired> in(HttpApi api, String query) {
        HttpApi.Reply export = api.get("/api/v1/audit/export?format=jsonl" + (query.isEmpty() ? "" : "&" + query));
        if (export.status() != 200) {
            throw new AssertionError("expected the export but got " + export.status() + ": " + export.body());
        }
        List<Fired> fired = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            JsonNode payload = record.path("payload");
            if (!record.path("kind").asString().equals("DECISION")
                    || !payload.path("caller").path("name").asString().equals(CaseWatch.SCHEDULER.name())) {
                continue;
            }
            JsonNode output = payload.path("output");
            if (output.isString()) {
                output = JSON.readTree(output.asString());
            }
            fired.add(new Fired(record.path("caseId").asString(), Instant.parse(output.path("evaluatedAt").asString())));
        }
        return fired;
    }
}
