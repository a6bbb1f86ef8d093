package dev.leeway.rules;

import java.util.Map;

/** A rule as loaded: where it is written and the metadata its owner gave it. */
public record RuleInfo(String name, String id, String file, int line, int salience, Map<String, Object> metadata) {}
