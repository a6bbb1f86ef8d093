package dev.leeway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API ({@code leeway.api.*}).
 *
 * @param maxRequestSize requests with a larger body are refused with 413 before they are read
 */
@ConfigurationProperties("leeway.api")
public record ApiProperties(@DefaultValue("256KB") DataSize maxRequestSize) {}
