package dev.leeway.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Checks that a rule's attributes and metadata are literals. Drools evaluates an attribute written
 * as an expression ({@code salience ( ... )}) as code when the rule is about to fire, and metadata
 * ({@code @id(...)}) as code while it compiles. Timers, calendars and durations schedule the
 * engine; a dialect other than java would hand the consequence to MVEL, which this check does not read.
 */
final class RuleHeaderCheck {

    private static final Set<String> YES_OR_NO = Set.of("enabled", "no-loop", "lock-on-active", "auto-focus");
    private static final Set<String> TEXT = Set.of("agenda-group", "activation-group", "ruleflow-group",
            "date-effective", "date-expires");
    private static final Set<String> SCHEDULES = Set.of("timer", "calendars", "duration");

    private final Findings findings;

    RuleHeaderCheck(Findings findings) {
        this.findings = findings;
    }

    /** @param owner how problems name what the attributes belong to, e.g. {@code rule "X"} */
    void attributes(Collection<AttributeDescr> attributes, String owner) {
        attributes.forEach(attribute -> attribute(attribute, owner));
    }

    private void attribute(AttributeDescr attribute, String owner) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
        String refusal = null;
        if ("salience".equals(name)) {
            if (!isWholeNumber(value)) {
                refusal = "salience must be a whole number, not \"" + ForbiddenCode.excerpt(value)
                        + "\": an expression there is code the engine runs";
            }
        } else if (YES_OR_NO.contains(name)) {
            if (!"true".equals(value) && !"false".equals(value)) {
                refusal = name + " must be true or false, not \"" + ForbiddenCode.excerpt(value)
                        + "\": an expression there is code the engine runs";
            }
        } else if (TEXT.contains(name)) {
            if (attribute.getType() != AttributeDescr.Type.STRING && attribute.getType() != AttributeDescr.Type.DATE) {
                refusal = name + " must be written in quotes, not \"" + ForbiddenCode.excerpt(value) + "\"";
            }
        } else if ("dialect".equals(name)) {
            if (!"java".equals(value)) {
                refusal = "dialect \"" + value + "\" is refused: consequences are written in java";
            }
        } else if (SCHEDULES.contains(name)) {
            refusal = "\"" + name + "\" schedules the engine; a rule decides when it is asked";
        } else {
            refusal = "the \"" + name + "\" attribute is not one a rule may use";
        }
        if (refusal != null) {
            findings.refuse(attribute, owner + ": " + refusal);
        }
    }

    private static boolean isWholeNumber(String value) {
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    void metadata(RuleDescr rule) {
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            String refusal = "rule \"" + rule.getName() + "\": metadata @" + annotation.getName()
                    + " must be a literal such as @" + annotation.getName() + "(\"...\"); ";
            int at = offsetOf(rule, annotation);
            for (Map.Entry<String, Object> entry : annotation.getValueMap().entrySet()) {
                if (!(entry.getValue() instanceof String written)) {
                    findings.refuse(at, refusal + "\"" + ForbiddenCode.excerpt(String.valueOf(entry.getValue()))
                            + "\" is not one");
                    continue;
                }
                int valueAt = findings.source().text().indexOf(written, at);
                JavaSnippet snippet = new JavaSnippet(valueAt >= 0 ? valueAt : at, written);
                snippet.parseExpression((offset, reason) ->
                                findings.refuse(offset, refusal + "\"" + ForbiddenCode.excerpt(written) + "\" " + reason))
                        .filter(value -> !isLiteral(value))
                        .ifPresent(value -> {
                            Expression culprit = ForbiddenCode.firstToRun(value);
                            boolean name = culprit instanceof NameExpr || culprit instanceof FieldAccessExpr;
                            findings.refuse(snippet.offsetOf(culprit), refusal + "\"" + ForbiddenCode.excerpt(culprit)
                                    + "\" " + (name ? "is a name, not a literal; write it in quotes"
                                            : ForbiddenCode.describe(culprit, variable -> false)));
                        });
            }
        }
    }

    private static boolean isLiteral(Expression value) {
        if (value instanceof UnaryExpr sign && (sign.getOperator() == UnaryExpr.Operator.MINUS
                || sign.getOperator() == UnaryExpr.Operator.PLUS)) {
            return sign.getExpression() instanceof LiteralExpr;
        }
        return value instanceof LiteralExpr;
    }

    /** The parser keeps no position for metadata; it stands after the rule's name, before its conditions. */
    private int offsetOf(RuleDescr rule, AnnotationDescr annotation) {
        int ruleStart = findings.source().offsetOf(rule);
        int found = findings.source().text().indexOf("@" + annotation.getName(), ruleStart);
        return found >= 0 ? found : ruleStart;
    }
}
