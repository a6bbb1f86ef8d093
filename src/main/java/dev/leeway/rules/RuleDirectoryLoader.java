package dev.leeway.rules;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the rules directory into the {@link ActiveRuleSet}. Runs once before the web server
 * accepts requests; a set that does not compile is reported file:line:column and never replaces
 * the one serving.
 */
@Component
public class RuleDirectoryLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RuleDirectoryLoader.class);

    private final RulesProperties properties;
    private final RuleSetCompiler compiler;
    private final ActiveRuleSet active;
    private final Clock clock;

    public RuleDirectoryLoader(RulesProperties properties, RuleSetCompiler compiler, ActiveRuleSet active, Clock clock) {
        this.properties = properties;
        this.compiler = compiler;
        this.active = active;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    /** Compiles the directory and activates it; returns whether it now serves. */
    public boolean load() {
        try {
            RuleSet ruleSet = compiler.compile(RuleFiles.read(properties.directory()), clock.instant());
            active.activate(ruleSet);
            log.info("Rule set {} active: {} rules from {} files in {}", ruleSet.version(), ruleSet.rules().size(),
                    ruleSet.files().size(), properties.directory().toAbsolutePath());
            return true;
        } catch (RuleSetInvalidException e) {
            active.rejected(e.problems());
            log.error("Rules in {} were not loaded ({}): {}", properties.directory().toAbsolutePath(),
                    active.current().isPresent() ? "the previous rule set keeps serving" : "no rule set is serving",
                    e.getMessage());
            return false;
        } catch (UncheckedIOException e) {
            active.rejected(List.of(new RuleProblem(properties.directory().toString(), 0, 0, e.getMessage())));
            log.error("Rules directory {} could not be read", properties.directory().toAbsolutePath(), e);
            return false;
        }
    }
}
