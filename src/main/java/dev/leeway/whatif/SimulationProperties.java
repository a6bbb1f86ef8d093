package dev.leeway.whatif;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code leeway.simulation}: bounds on what one simulation may ask of the service.
 *
 * @param maxInputs most inputs one request may replay; each is decided twice, on the request's thread
 */
@ConfigurationProperties("leeway.simulation")
public record SimulationProperties(@DefaultValue("1000") int maxInputs) {}
