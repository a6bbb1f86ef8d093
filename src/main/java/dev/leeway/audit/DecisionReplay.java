package dev.leeway.audit;

import dev.leeway.decision.Decision;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.rules.RuleFile;
import dev.leeway.rules.RuleSet;
import dev.leeway.rules.RuleSetCompiler;
import dev.leeway.rules.Deciders;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides a recorded input again, with the exact rule set it was decided with (as stored in the
 * audit log) and at its original instant, and compares the outcome with what was answered.
 */
public class DecisionReplay {

    /** What replaying showed: identical apart from the decision id and when the rules were loaded. */
    public record Outcome(String decisionId, String ruleSetVersion, boolean identical, JsonNode recorded,
            JsonNode replayed) {}

    private final AuditStore store;
    private final RuleSetCompiler compiler;
    private final Deciders deciders;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, RuleSet> compiled = new ConcurrentHashMap<>();

    public DecisionReplay(AuditStore store, RuleSetCompiler compiler, Deciders deciders, JsonMapper json, Clock clock) {
        this.store = store;
        this.compiler = compiler;
        this.deciders = deciders;
        this.json = json;
        this.clock = clock;
    }

    public Outcome replay(DecisionRecord record) {
        Decision replayed = deciders.on(ruleSetOf(record)).decide(inputAsDecided(record));
        ObjectNode recordedOutput = comparable((ObjectNode) record.output().deepCopy());
        // Both sides as parsed from JSON text: a tree built from objects holds BigDecimal nodes where
        // the parsed record holds integers, and the two would differ while the JSON is the same.
        ObjectNode replayedOutput = comparable((ObjectNode) json.readTree(json.writeValueAsString(replayed)));
        return new Outcome(record.decisionId(), record.ruleSetVersion(), recordedOutput.equals(replayedOutput),
                recordedOutput, replayedOutput);
    }

    /** The recorded input at the instant it was evaluated, so that deadlines fall where they fell. */
    public DecisionRequest inputAsDecided(DecisionRecord record) {
        DecisionRequest input = json.treeToValue(record.input(), DecisionRequest.class);
        return input.at(Instant.parse(record.output().get("evaluatedAt").asString()));
    }

    /** The rule set that decided the record, compiled once per version from the files the log keeps with it. */
    public RuleSet ruleSetOf(DecisionRecord record) {
        return compiled.computeIfAbsent(record.ruleSetVersion(), this::compile);
    }

    private RuleSet compile(String version) {
        String files = store.ruleSetFiles(version)
                .orElseThrow(() -> new IllegalStateException("rule set " + version + " is not in the audit log"));
        List<RuleFile> ruleFiles = json.readValue(files,
                json.getTypeFactory().constructCollectionType(List.class, RuleFile.class));
        return compiler.compile(ruleFiles, clock.instant());
    }

    /** Leaves out what differs between any two evaluations by design. */
    private static ObjectNode comparable(ObjectNode output) {
        output.remove("decisionId");
        if (output.get("ruleSet") instanceof ObjectNode ruleSet) {
            ruleSet.remove("loadedAt");
        }
        return output;
    }
}
