package dev.leeway.terms;

import dev.leeway.problem.FieldError;
import dev.leeway.problem.InvalidParameterException;
import dev.leeway.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request whose values the rule set's vocabulary does not know: answered as a 400 listing each
 * such field with the values it takes and, for a value read through aliases, the source.
 */
public class UnknownTermsException extends ProblemException {

    private final List<FieldError> errors;

    public UnknownTermsException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, InvalidParameterException.TYPE, InvalidParameterException.TITLE,
                "The request has " + errors.size() + " value(s) the vocabulary does not declare: "
                        + String.join("; ", errors.stream().map(error -> error.field() + " " + error.message()).toList())
                        + ".");
        this.errors = List.copyOf(errors);
        describe("errors", this.errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
