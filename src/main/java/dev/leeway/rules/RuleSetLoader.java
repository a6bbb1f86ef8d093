package dev.leeway.rules;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the rules directory into the {@link ActiveRuleSet}: once before the web server accepts
 * requests, then on every change (file watch or {@code POST /api/v1/rules/reload}). The new set is
 * built and checked off the request path; only a set that compiles and passes its scenarios is
 * swapped in. Anything else is reported with file:line:column and the last good set keeps serving.
 * Warnings (values recorded decisions used that the set no longer declares) do not keep a set out;
 * each is logged as it activates and kept with the activation in the history.
 */
@Component
public class RuleSetLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RuleSetLoader.class);

    private final RulesProperties properties;
    private final RuleSetValidator validator;
    private final ActiveRuleSet active;
    private final RuleSetHistory history;
    private final List<RuleSetActivationListener> listeners;
    private final InstanceProperties instance;
    private final Clock clock;

    public RuleSetLoader(RulesProperties properties, RuleSetValidator validator, ActiveRuleSet active,
            RuleSetHistory history, List<RuleSetActivationListener> listeners, InstanceProperties instance, Clock clock) {
        this.properties = properties;
        this.validator = validator;
        this.active = active;
        this.history = history;
        this.listeners = List.copyOf(listeners);
        this.instance = instance;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload("startup");
    }

    /** Reads, checks and (if it passes and differs) activates the directory; one reload at a time. */
    public ReloadOutcome reload(String trigger) {
        return reload(trigger, null);
    }

    /** As {@link #reload(String)}, asked for by {@code requestedBy} (for an API reload, the authenticated caller). */
    public synchronized ReloadOutcome reload(String trigger, String requestedBy) {
        RuleSetCandidate candidate;
        try {
            candidate = RuleSetCandidate.fromDirectory(properties.directory());
        } catch (UncheckedIOException e) {
            return reject(null, trigger,
                    List.of(new RuleProblem(properties.directory().toString(), 0, 0, e.getMessage())));
        }
        String version = candidate.version();
        // Always checked, even when the rule files are unchanged: scenario files are not part of
        // the version, and a scenario that now fails must be reported.
        Validation validation = validator.validate(candidate);
        if (!validation.valid()) {
            return reject(version, trigger, validation.problems());
        }
        RuleSet previous = active.current().orElse(null);
        if (previous != null && previous.version().equals(version)) {
            active.activate(previous);
            return new ReloadOutcome("UNCHANGED", version, version, List.of(), List.of());
        }
        RuleSetActivation activation = RuleSetActivation.of(validation.ruleSet(), previous, trigger, requestedBy,
                instance.instanceName()).withWarnings(validation.warnings());
        try {
            listeners.forEach(listener -> listener.activating(validation.ruleSet(), activation));
        } catch (RuntimeException e) {
            return reject(version, trigger, List.of(new RuleProblem("", 0, 0,
                    "the rule set could not be recorded before activation: " + e.getMessage())));
        }
        active.activate(validation.ruleSet());
        history.record(activation);
        log.info("Rule set {} active ({}): {} from {}, {} scenarios pass", version, trigger,
                validation.ruleSet().contents(), properties.directory().toAbsolutePath(), validation.scenariosRun());
        validation.warnings().forEach(warning -> log.warn("Rule set {} ({}): {}", version, trigger, warning));
        return new ReloadOutcome("ACTIVATED", version, version, List.of(), validation.warnings());
    }

    /**
     * Records in the history, through the same listeners as an activation, that a shadow started or was
     * discarded: the entry names the serving set (which stays) and the shadow's version.
     *
     * @param trigger {@code shadow-started} or {@code shadow-discarded}
     */
    public synchronized void recordShadow(String trigger, String shadowVersion, String requestedBy) {
        RuleSet serving = active.require();
        RuleSetActivation entry = new RuleSetActivation(serving.version(), clock.instant(), trigger, requestedBy,
                instance.instanceName(), serving.version(), List.of(), List.of(), shadowVersion);
        listeners.forEach(listener -> listener.activating(serving, entry));
        history.record(entry);
    }

    private ReloadOutcome reject(String version, String trigger, List<RuleProblem> problems) {
        active.reject(new Rejection(version, clock.instant(), trigger, problems));
        String serving = active.current().map(RuleSet::version).orElse(null);
        log.error("Rules in {} were not loaded ({}); {}:\n  {}", properties.directory().toAbsolutePath(), trigger,
                serving == null ? "NO rule set is serving, decisions answer 503" : "rule set " + serving + " keeps serving",
                problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        return new ReloadOutcome("REJECTED", serving, version, problems, List.of());
    }
}
