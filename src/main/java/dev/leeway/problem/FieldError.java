package dev.leeway.problem;

/** One invalid input field, named by its JSON path (e.g. {@code case.customer.churnRisk}). */
public record FieldError(String field, String message) {}
