package dev.leeway.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Checks that a rule's consequence, read as Java, only writes through the decision vocabulary:
 * each statement is a chain of vocabulary steps rooted at the global {@code decision}, e.g.
 * {@code decision.escape("x").skip("A").allow("B").requireJustification();}, whose arguments are
 * literals, variables bound in the conditions, constants of the fact model, and string
 * concatenation or arithmetic over them. Anything else (objects built, static or other calls,
 * changes to the engine's facts, variables, classes, lambdas, loops) is refused.
 */
final class ConsequenceCheck {

    private final Findings findings;
    private final ImportedTypes types;
    private final RuleDescr rule;
    private final Set<String> boundVariables;
    private final String refusal;
    /** The consequence as Java, placed in the file; null when Drools did not keep it as text. */
    private final JavaSnippet snippet;

    ConsequenceCheck(Findings findings, ImportedTypes types, RuleDescr rule, Set<String> boundVariables) {
        this.findings = findings;
        this.types = types;
        this.rule = rule;
        this.boundVariables = boundVariables;
        this.refusal = "rule \"" + rule.getName() + "\": the consequence may only use the decision vocabulary; ";
        this.snippet = JavaSnippet.consequenceOf(findings.source(), rule).orElse(null);
    }

    void check() {
        if (snippet == null) {
            findings.refuse(rule, refusal + "it is not Java code this check can read");
            return;
        }
        snippet.parseBlock((offset, reason) -> findings.refuse(offset, refusal + "it " + reason))
                .ifPresent(block -> block.getStatements().forEach(this::statement));
    }

    private void statement(Statement statement) {
        if (statement instanceof EmptyStmt) {
            return;
        }
        if (statement instanceof ExpressionStmt expression) {
            if (expression.getExpression() instanceof MethodCallExpr call) {
                vocabularyCall(call);
            } else {
                refuseCode(expression.getExpression());
            }
            return;
        }
        refuse(statement, "\"" + ForbiddenCode.excerpt(statement) + "\" is " + kindOf(statement)
                + "; a consequence is a list of decision calls");
    }

    private void vocabularyCall(MethodCallExpr outermost) {
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression root = outermost;
        while (root instanceof MethodCallExpr call && call.getScope().isPresent()) {
            chain.add(0, call);
            root = call.getScope().get();
        }
        if (!(root instanceof NameExpr name) || !DecideOnlyCheck.VOCABULARY_GLOBAL.equals(name.getNameAsString())) {
            refuseCode(outermost);
            return;
        }
        Class<?> draft = DecisionVocabulary.root();
        for (MethodCallExpr call : chain) {
            Optional<Class<?>> next = DecisionVocabulary.step(draft, call.getNameAsString());
            if (next.isEmpty()) {
                refuse(call, "\"" + ForbiddenCode.excerpt(call) + "\" calls " + call.getNameAsString()
                        + ", which is not a step of the decision vocabulary");
                return;
            }
            call.getArguments().forEach(this::value);
            draft = next.get();
        }
    }

    /** An argument of a vocabulary step: a value the rule read or wrote, never code. */
    private void value(Expression expression) {
        if (expression instanceof LiteralExpr) {
            return;
        }
        if (expression instanceof NameExpr name) {
            String variable = name.getNameAsString();
            if (!boundVariables.contains(variable)) {
                refuse(name, "\"" + variable + "\" " + (DecideOnlyCheck.VOCABULARY_GLOBAL.equals(variable)
                        ? "passes the vocabulary itself" : "is not a variable bound in the conditions"));
            }
        } else if (expression instanceof FieldAccessExpr access) {
            constantOrField(access);
        } else if (expression instanceof BinaryExpr binary) {
            value(binary.getLeft());
            value(binary.getRight());
        } else if (expression instanceof UnaryExpr unary && !ForbiddenCode.isIncrementOrDecrement(unary)) {
            value(unary.getExpression());
        } else if (expression instanceof EnclosedExpr enclosed) {
            value(enclosed.getInner());
        } else if (expression instanceof ConditionalExpr conditional) {
            value(conditional.getCondition());
            value(conditional.getThenExpr());
            value(conditional.getElseExpr());
        } else if (expression instanceof CastExpr cast && cast.getType().isPrimitiveType()) {
            value(cast.getExpression());
        } else {
            refuseCode(expression);
        }
    }

    /** {@code BigDecimal.ZERO} is a value; {@code $case.transfers} reads a fact, which is the conditions' job. */
    private void constantOrField(FieldAccessExpr access) {
        Optional<List<String>> names = ForbiddenCode.nameChain(access);
        if (names.isPresent() && types.constant(names.get()).isPresent()) {
            return;
        }
        if (names.isPresent() && boundVariables.contains(names.get().get(0))) {
            refuse(access, "\"" + access + "\" reads a field in the consequence; bind it in the conditions "
                    + "(e.g. $" + access.getNameAsString() + " : " + access.getNameAsString() + ") and pass that");
        } else if (names.isPresent()) {
            refuse(access, "\"" + access + "\" is not a variable bound in the conditions or a constant of the fact model");
        } else {
            refuseCode(access);
        }
    }

    private void refuseCode(Expression expression) {
        Expression culprit = ForbiddenCode.firstToRun(expression);
        refuse(culprit, "\"" + ForbiddenCode.excerpt(culprit) + "\" "
                + ForbiddenCode.describe(culprit, boundVariables::contains));
    }

    private void refuse(Node node, String reason) {
        findings.refuse(snippet.offsetOf(node), refusal + reason);
    }

    private static String kindOf(Statement statement) {
        String kind = statement.getClass().getSimpleName().replace("Stmt", "").replace("Statement", "");
        return switch (kind) {
            case "Block" -> "a block";
            case "LocalClassDeclaration" -> "a class declaration";
            case "LocalRecordDeclaration" -> "a record declaration";
            case "ExplicitConstructorInvocation" -> "a constructor call";
            default -> ("aeiou".indexOf(Character.toLowerCase(kind.charAt(0))) >= 0 ? "an " : "a ")
                    + kind.toLowerCase() + " statement";
        };
    }
}
