package dev.leeway.rules;

import org.drools.drl.ast.descr.ExprConstraintDescr;

/**
 * A constraint's text and where it starts in the file. Drools' expression parser keeps no
 * positions, so each operand is found in the text, in the order the parser hands them out.
 */
final class ConstraintText {

    private final String expression;
    private final int start;
    private int searchFrom;

    ConstraintText(String expression, int start) {
        this.expression = expression;
        this.start = start;
    }

    /** Where the constraint starts in the file: where Drools says, if its text is there, else where its descriptor is. */
    static int startOf(ExprConstraintDescr constraint, SourceText source) {
        int start = constraint.getStartCharacter();
        return start >= 0 && source.text().startsWith(constraint.getExpression(), start)
                ? start : source.offsetOf(constraint);
    }

    int start() {
        return start;
    }

    int offsetOf(String operand) {
        int at = expression.indexOf(operand, searchFrom);
        if (at < 0) {
            // "category in (a, b)" comes back as "category == a || category == b": the same operand again
            at = expression.indexOf(operand);
            return start + Math.max(at, 0);
        }
        searchFrom = at + operand.length();
        return start + at;
    }
}
