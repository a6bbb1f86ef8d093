package dev.leeway.rules;

import com.github.javaparser.ast.expr.Expression;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/**
 * Checks that a rule's conditions only read facts and compare values: patterns of fact classes,
 * joined by and, or, not, exists and forall, whose constraints read fields, bound variables,
 * literals and constants and compare them. What makes the engine run code or look beyond the facts
 * it was given ({@code eval}, {@code from}, {@code accumulate}, {@code collect}, entry points,
 * windows, queries, conditional consequences) is refused. Constraints are split by Drools' own
 * expression parser, as the compiler splits them, and each operand is read as Java.
 */
final class ConditionCheck {

    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "contains", "memberOf",
            "matches");
    /** Names the engine gives a meaning in consequences: a variable bound under one would hide it. */
    static final Set<String> RESERVED_NAMES = Set.of(DecideOnlyCheck.VOCABULARY_GLOBAL, "drools", "kcontext");

    private final Findings findings;
    private final ImportedTypes types;
    private final String refusal;
    private final Map<String, Class<?>> bindings = new LinkedHashMap<>();

    ConditionCheck(Findings findings, ImportedTypes types, String ruleName) {
        this.findings = findings;
        this.types = types;
        this.refusal = "rule \"" + ruleName + "\": a condition may only read facts and compare values; ";
    }

    /** Refuses what the conditions may not do; returns the variables they bind, with the type each holds. */
    Map<String, Class<?>> check(AndDescr conditions) {
        if (conditions != null) {
            element(conditions);
        }
        return Map.copyOf(bindings);
    }

    private void element(BaseDescr element) {
        if (element instanceof EvalDescr eval) {
            refuse(eval, "\"eval(" + ForbiddenCode.excerpt(String.valueOf(eval.getContent())) + ")\" runs code");
        } else if (element instanceof AndDescr || element instanceof OrDescr || element instanceof NotDescr
                || element instanceof ExistsDescr || element instanceof ForallDescr) {
            ((ConditionalElementDescr) element).getDescrs().forEach(this::element);
        } else if (element instanceof PatternDescr pattern) {
            pattern(pattern);
        } else {
            refuse(element, "\"" + ForbiddenCode.excerpt(element.toString()) + "\" is not a pattern of facts");
        }
    }

    private void pattern(PatternDescr pattern) {
        String written = pattern.getObjectType();
        if (pattern.isQuery()) {
            refuse(pattern, "\"" + written + "(...)\" calls a query");
            return;
        }
        if (pattern.getSource() != null) {
            source(pattern, pattern.getSource());
        }
        Optional<Class<?>> fact = types.resolve(written).filter(FactModel::isFact);
        if (fact.isEmpty()) {
            refuse(pattern, "\"" + written + "(...)\" matches " + written + ", which is not a fact of "
                    + FactModel.FACTS);
            return;
        }
        if (!pattern.getBehaviors().isEmpty()) {
            refuse(pattern, "\"" + written + "(...) over window\" keeps facts from earlier evaluations");
        }
        for (AnnotationDescr annotation : pattern.getAnnotations()) {
            refuse(pattern, "\"@" + annotation.getName() + "\" on a pattern is more than matching a fact");
        }
        if (pattern.getIdentifier() != null) {
            bind(pattern.getIdentifier(), fact.get(), findings.source().offsetOf(pattern));
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression) {
                constraint(expression, fact.get());
            } else {
                refuse(constraint, "\"" + ForbiddenCode.excerpt(constraint.toString())
                        + "\" is not a constraint on a field");
            }
        }
    }

    private void source(PatternDescr pattern, PatternSourceDescr source) {
        BaseDescr at = source.getStartCharacter() >= 0 ? source : pattern;
        if (source instanceof FromDescr from) {
            refuse(at, "\"from " + ForbiddenCode.excerpt(from.getExpression()) + "\" takes facts from an expression, "
                    + "not from those the engine was given");
        } else if (source instanceof AccumulateDescr) {
            refuse(at, "\"accumulate(...)\" runs code over the facts");
        } else if (source instanceof CollectDescr) {
            refuse(at, "\"collect(...)\" builds a collection of the facts");
        } else if (source instanceof EntryPointDescr entryPoint) {
            refuse(at, "\"from entry-point " + ForbiddenCode.excerpt(entryPoint.getEntryId())
                    + "\" reads facts the engine was not given");
        } else {
            refuse(at, "\"" + ForbiddenCode.excerpt(source.toString())
                    + "\" takes facts from elsewhere than the engine was given");
        }
    }

    private void constraint(ExprConstraintDescr constraint, Class<?> fact) {
        String expression = constraint.getExpression();
        int start = ConstraintText.startOf(constraint, findings.source());
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr tree = parser.parse(expression);
        if (parser.hasErrors() || tree == null) {
            String why = parser.getErrors().isEmpty() ? "it does not parse" : parser.getErrors().get(0).getMessage();
            findings.refuse(start, refusal + "\"" + ForbiddenCode.excerpt(expression)
                    + "\" is not a constraint this check can read: " + why);
            return;
        }
        walk(tree, new ConstraintText(expression, start), fact);
    }

    private void walk(BaseDescr part, ConstraintText text, Class<?> fact) {
        if (part instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(operand -> walk(operand, text, fact));
        } else if (part instanceof RelationalExprDescr relation) {
            String operator = relation.getOperator();
            boolean parameterised = relation.getParameters() != null && !relation.getParameters().isEmpty();
            if (!OPERATORS.contains(operator) || parameterised) {
                findings.refuse(text.offsetOf(operator), refusal + "\"" + operator
                        + (parameterised ? relation.getParametersText() : "") + "\" is not one of the comparisons "
                        + "== != < > <= >= in contains memberOf matches");
            }
            walk(relation.getLeft(), text, fact);
            walk(relation.getRight(), text, fact);
        } else if (part instanceof AtomicExprDescr operand) {
            if (!operand.isLiteral()) {
                read(operand.getExpression(), text, fact);
            }
        } else if (part instanceof BindingDescr binding) {
            Optional<Class<?>> type = read(binding.getExpression(), text, fact);
            bind(binding.getVariable(), type.orElse(Object.class), text.offsetOf(binding.getVariable()));
        } else {
            findings.refuse(text.start(), refusal + "\"" + ForbiddenCode.excerpt(part.toString())
                    + "\" is not a comparison of values");
        }
    }

    /** Reads one operand as Java, at its place in the file. */
    private Optional<Class<?>> read(String operand, ConstraintText text, Class<?> fact) {
        JavaSnippet snippet = new JavaSnippet(text.offsetOf(operand), operand);
        Optional<Expression> parsed = snippet.parseExpression((offset, reason) ->
                findings.refuse(offset, refusal + "\"" + ForbiddenCode.excerpt(operand) + "\" " + reason));
        return parsed.flatMap(expression -> new FactReadCheck(fact, bindings, types, (node, reason) ->
                findings.refuse(snippet.offsetOf(node), refusal + "\"" + ForbiddenCode.excerpt(node) + "\" " + reason))
                .typeOf(expression));
    }

    private void bind(String variable, Class<?> type, int offset) {
        if (RESERVED_NAMES.contains(variable)) {
            findings.refuse(offset, refusal + "\"" + variable + "\" is a name the engine already gives a meaning; "
                    + "bind the value under another name");
        }
        bindings.put(variable, type);
    }

    private void refuse(BaseDescr at, String reason) {
        findings.refuse(at, refusal + reason);
    }
}
