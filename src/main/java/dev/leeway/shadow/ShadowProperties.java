package dev.leeway.shadow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code leeway.shadow}: how much a shadow rule set may hold back and keep.
 *
 * @param queueCapacity live decisions waiting for the shadow; beyond it they are dropped and counted,
 *     so the shadow never slows an answer
 * @param maxDifferences differences one shadow run stores; more are counted but not stored
 * @param background whether a worker thread drains the queue; off, only {@link ShadowRuleSets#drain()}
 *     does (tests drain it deterministically)
 */
@ConfigurationProperties("leeway.shadow")
public record ShadowProperties(@DefaultValue("1000") int queueCapacity, @DefaultValue("10000") int maxDifferences,
        @DefaultValue("true") boolean background) {}
