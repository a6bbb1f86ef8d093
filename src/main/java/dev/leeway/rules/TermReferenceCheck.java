package dev.leeway.rules;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.leeway.terms.Attribute;
import dev.leeway.terms.Dimension;
import dev.leeway.terms.TermFields;
import dev.leeway.terms.TermFields.TermField;
import dev.leeway.terms.Terms;
import dev.leeway.terms.Vocabulary;
import dev.leeway.terms.VocabularyFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/**
 * A rule that compares a priority, tier, channel, sentiment, status or typed attribute with a
 * value, {@code tier == "GOLD"}, or pauses a clock in a status, names a value the rule set's
 * vocabulary declares: otherwise the rule would load and silently never fire. It also refuses
 * comparisons that cannot mean what they say: ordering values by their spelling
 * ({@code priority < "P2"}) rather than by rank ({@code priorityAtLeast contains "P2"}). Only values
 * written as literals can be checked; files that do not parse are left to the compiler.
 */
final class TermReferenceCheck {

    static final String PAUSE_STEP = "pausedWhile";
    private static final Set<String> ORDERING = Set.of("<", ">", "<=", ">=");
    private static final Pattern ATTRIBUTE = Pattern.compile("attributes\\s*\\[\\s*\"([^\"]+)\"\\s*]");

    private final Vocabulary vocabulary;

    TermReferenceCheck(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<RuleProblem> problemsIn(List<RuleFile> drlFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : drlFiles) {
            Findings findings = new Findings(new SourceText(file));
            ParsedRules.of(file).ifPresent(rules -> {
                ImportedTypes types = new ImportedTypes(rules.getName(), rules.getImports());
                for (RuleDescr rule : rules.getRules()) {
                    new RuleWalk(findings, types, rule).walk();
                }
            });
            problems.addAll(findings.problems());
        }
        return problems;
    }

    /** One rule's conditions and consequence, with the facts its patterns bind. */
    private final class RuleWalk {

        private final Findings findings;
        private final ImportedTypes types;
        private final RuleDescr rule;
        private final Map<String, Class<?>> bindings = new HashMap<>();

        RuleWalk(Findings findings, ImportedTypes types, RuleDescr rule) {
            this.findings = findings;
            this.types = types;
            this.rule = rule;
        }

        void walk() {
            if (rule.getLhs() != null) {
                element(rule.getLhs());
            }
            consequence();
        }

        private void element(BaseDescr element) {
            if (element instanceof PatternDescr pattern) {
                pattern(pattern);
            } else if (element instanceof ConditionalElementDescr group) {
                group.getDescrs().forEach(this::element);
            }
        }

        private void pattern(PatternDescr pattern) {
            Optional<Class<?>> fact = types.resolve(pattern.getObjectType()).filter(FactModel::isFact);
            if (fact.isEmpty()) {
                return; // refused by the check that rules only decide
            }
            if (pattern.getIdentifier() != null) {
                bindings.put(pattern.getIdentifier(), fact.get());
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    constraint(expression, fact.get());
                }
            }
        }

        private void constraint(ExprConstraintDescr constraint, Class<?> fact) {
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
            ConstraintConnectiveDescr tree = parser.parse(constraint.getExpression());
            if (parser.hasErrors() || tree == null) {
                return; // reported by the check that rules only decide
            }
            walk(tree, new ConstraintText(constraint.getExpression(),
                    ConstraintText.startOf(constraint, findings.source())), fact);
        }

        private void walk(BaseDescr part, ConstraintText text, Class<?> fact) {
            if (part instanceof ConstraintConnectiveDescr connective) {
                connective.getDescrs().forEach(operand -> walk(operand, text, fact));
            } else if (part instanceof RelationalExprDescr relation
                    && relation.getLeft() instanceof AtomicExprDescr left
                    && relation.getRight() instanceof AtomicExprDescr right) {
                comparison(relation.getOperator(), left, right, text, fact);
            }
        }

        private void comparison(String operator, AtomicExprDescr left, AtomicExprDescr right, ConstraintText text,
                Class<?> fact) {
            AtomicExprDescr field = left.isLiteral() ? right : left;
            AtomicExprDescr value = left.isLiteral() ? left : right;
            int fieldAt = text.offsetOf(field.getExpression());
            Optional<String> literal = stringLiteral(value);
            if (field.isLiteral() || literal.isEmpty()) {
                return;
            }
            int valueAt = text.offsetOf(value.getExpression());
            String operand = field.getExpression().strip();
            Matcher attribute = ATTRIBUTE.matcher(operand);
            if (attribute.find() && attribute.end() == operand.length()) {
                attribute(attribute.group(1), literal.get(), valueAt);
                return;
            }
            termField(operand, fact).ifPresent(term -> {
                String name = operand.substring(operand.lastIndexOf('.') + 1);
                if (term.rank() && !"contains".equals(operator) && !"memberOf".equals(operator)) {
                    refuse(fieldAt, "\"" + name + " " + operator + " " + value.getExpression().strip() + "\": " + name
                            + " holds every " + term.dimension().key() + " this one ranks at least as high as; write "
                            + name + " contains " + value.getExpression().strip());
                    return;
                }
                if (!term.rank() && ORDERING.contains(operator)) {
                    String rankField = TermFields.rankFieldOf(term.dimension());
                    refuse(fieldAt, "\"" + name + " " + operator + " " + value.getExpression().strip() + "\" orders "
                            + term.dimension().plural() + " by their spelling, not their rank"
                            + (term.dimension().ranked() ? "; for \"" + literal.get() + " or higher\" write "
                                    + rankField + " contains " + value.getExpression().strip() : ""));
                    return;
                }
                declared(term.dimension(), literal.get(), valueAt);
            });
        }

        private void declared(Dimension dimension, String value, int at) {
            Terms terms = vocabulary.of(dimension);
            if (!terms.values().contains(value)) {
                Optional<String> spelled = terms.declared(value);
                refuse(at, "\"" + value + "\" is not a " + dimension.key() + " " + VocabularyFile.PATH + " declares ("
                        + terms.listed() + ")" + spelled.map(known -> "; it is spelt " + known)
                        .orElse(", so the rule would never fire"));
            }
        }

        private void attribute(String name, String value, int at) {
            Attribute declared = vocabulary.attributes().get(name);
            if (declared != null && !declared.values().isEmpty() && !declared.values().contains(value)) {
                refuse(at, "\"" + value + "\" is not a value of attribute " + name + " that " + VocabularyFile.PATH
                        + " declares (" + String.join(", ", declared.values()) + "), so the rule would never fire");
            }
        }

        /** The vocabulary field the operand reads: a field of the pattern's fact, of a bound fact, or nested in one. */
        private Optional<TermField> termField(String operand, Class<?> fact) {
            String[] names = operand.split("\\s*\\.\\s*");
            Class<?> owner = fact;
            int from = 0;
            if (bindings.containsKey(names[0])) {
                owner = bindings.get(names[0]);
                from = 1;
            } else if ("this".equals(names[0])) {
                from = 1;
            }
            for (int i = from; i < names.length - 1 && owner != null; i++) {
                owner = FactModel.field(owner, names[i]).orElse(null);
            }
            return owner == null || from >= names.length ? Optional.empty() : TermFields.of(owner, names[names.length - 1]);
        }

        private void consequence() {
            SourceText source = findings.source();
            JavaSnippet.consequenceOf(source, rule).ifPresent(snippet -> snippet.parseBlock((offset, reason) -> { })
                    .ifPresent(block -> block.findAll(MethodCallExpr.class).stream()
                            .filter(call -> call.getNameAsString().equals(PAUSE_STEP) && call.getScope().isPresent())
                            .forEach(call -> {
                                for (Expression argument : call.getArguments()) {
                                    if (argument instanceof StringLiteralExpr status) {
                                        declared(Dimension.STATUS, status.asString(), snippet.offsetOf(status));
                                    }
                                }
                            })));
        }

        private void refuse(int offset, String reason) {
            findings.refuse(offset, "rule \"" + rule.getName() + "\": " + reason);
        }
    }

    private static Optional<String> stringLiteral(AtomicExprDescr operand) {
        String text = operand.getExpression().strip();
        boolean quoted = text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"));
        return operand.isLiteral() && quoted ? Optional.of(text.substring(1, text.length() - 1)) : Optional.empty();
    }
}
