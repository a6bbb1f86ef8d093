package dev.leeway.rules;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule files live and how the engine runs them ({@code leeway.rules.*}).
 *
 * @param directory the rules directory ({@code procedures/}, {@code escapes/}, {@code guardrails/}, {@code tests/})
 * @param maxFirings rule firings one evaluation may take before it counts as a runaway
 * @param businessTimeZone the zone business days are counted in
 */
@ConfigurationProperties("leeway.rules")
public record RulesProperties(
        @DefaultValue("rules") Path directory,
        @DefaultValue("10000") int maxFirings,
        @DefaultValue("UTC") ZoneId businessTimeZone) {}
