package dev.leeway.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule files live and how the engine runs them ({@code leeway.rules.*}).
 *
 * @param directory the rules directory ({@code procedures/}, {@code escapes/}, {@code guardrails/}, {@code tests/})
 * @param maxFirings rule firings one evaluation may take before it counts as a runaway
 * @param businessTimeZone the zone business days are counted in
 * @param watch whether a change under the directory reloads the rules without a restart
 * @param watchQuietPeriod how long the directory must be quiet before a change is loaded, so that an
 *     editor's burst of writes (or a git checkout) becomes one reload
 */
@ConfigurationProperties("leeway.rules")
public record RulesProperties(
        @DefaultValue("rules") Path directory,
        @DefaultValue("10000") int maxFirings,
        @DefaultValue("UTC") ZoneId businessTimeZone,
        @DefaultValue("true") boolean watch,
        @DefaultValue("300ms") Duration watchQuietPeriod) {}
