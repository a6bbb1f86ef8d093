package dev.leeway.whatif;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code leeway.simulation}: bounds on what one simulation may ask of the service.
 *
 * @param maxInputs most inputs, or recorded decisions, one request may replay while the caller
 *        waits; each is decided twice, on the request's thread
 * @param samples how many cases that changed or failed a replay of the log shows; the rest are
 *        counted, and a background simulation exports them all
 * @param pageSize how many recorded decisions a background simulation reads at once; it saves its
 *        progress and its changes after each page
 * @param mostAtOnce most background simulations one instance runs at once
 */
@ConfigurationProperties("leeway.simulation")
public record SimulationProperties(
        @DefaultValue("1000") int maxInputs,
        @DefaultValue("20") int samples,
        @DefaultValue("500") int pageSize,
        @DefaultValue("2") int mostAtOnce) {}
