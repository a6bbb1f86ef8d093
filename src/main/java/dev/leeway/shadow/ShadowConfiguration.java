package dev.leeway.shadow;

import dev.leeway.rules.ActiveRuleSet;
import dev.leeway.rules.Deciders;
import dev.leeway.rules.RuleSetLoader;
import dev.leeway.rules.RuleSetValidator;
import dev.leeway.rules.RulesProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Wires shadow rule sets with their one worker thread (none when {@code leeway.shadow.background} is off). */
@Configuration(proxyBeanMethods = false)
class ShadowConfiguration {

    @Bean
    ShadowRuleSets shadowRuleSets(RuleSetValidator validator, Deciders deciders, RuleSetLoader loader,
            ActiveRuleSet active, RulesProperties rules, ShadowDifferenceTable differences, ShadowProperties properties,
            MeterRegistry meters, Clock clock) {
        return new ShadowRuleSets(validator, deciders, loader, active, rules, differences, properties,
                properties.background() ? worker() : null, meters, clock);
    }

    /**
     * One thread, and room for one drain task: the shadow's own bounded queue is what holds requests,
     * and a single worker keeps the shadow from taking more than one of the machine's cores.
     */
    private static ThreadPoolTaskExecutor worker() {
        ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();
        worker.setCorePoolSize(1);
        worker.setMaxPoolSize(1);
        worker.setQueueCapacity(1);
        worker.setThreadNamePrefix("leeway-shadow-");
        worker.setDaemon(true);
        worker.initialize();
        return worker;
    }
}
