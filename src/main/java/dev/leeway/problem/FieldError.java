package dev.leeway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One invalid input field, named by its JSON path (e.g. {@code case.customer.churnRisk}).
 *
 * @param allowed for a field that takes one of a set of values, those it takes (else absent)
 * @param source for a value read through a source system's aliases, that source (else absent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, List<String> allowed, String source) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }
}
