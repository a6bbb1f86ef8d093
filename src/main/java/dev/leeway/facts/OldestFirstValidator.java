package dev.leeway.facts;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** Names each status change that comes before the one listed above it, as {@code statusHistory[i].at}. */
public class OldestFirstValidator implements ConstraintValidator<OldestFirst, List<StatusChange>> {

    @Override
    public boolean isValid(List<StatusChange> history, ConstraintValidatorContext context) {
        if (history == null) {
            return true;
        }
        boolean valid = true;
        context.disableDefaultConstraintViolation();
        for (int i = 1; i < history.size(); i++) {
            StatusChange previous = history.get(i - 1);
            StatusChange change = history.get(i);
            if (previous == null || change == null || previous.at() == null || change.at() == null) {
                continue;
            }
            if (change.at().isBefore(previous.at())) {
                valid = false;
                context.buildConstraintViolationWithTemplate("must not be before the entry above it ("
                                + previous.at() + "): the history lists changes oldest first")
                        .addPropertyNode("at").inIterable().atIndex(i)
                        .addConstraintViolation();
            }
        }
        return valid;
    }
}
