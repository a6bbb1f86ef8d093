package dev.leeway.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Names, in words an author can act on, what a piece of Java does that a rule may not: e.g.
 * {@code "new java.io.File(...)" constructs an object}, {@code calls static method System.exit}.
 */
final class ForbiddenCode {

    /** Calls Drools' consequence rewrites into changes of the engine's working memory. */
    private static final Set<String> FACT_CHANGES = Set.of("insert", "insertLogical", "update", "modify", "retract",
            "delete");
    private static final Set<String> ENGINE_CONTEXT = Set.of("drools", "kcontext");
    private static final int EXCERPT_LENGTH = 60;

    private ForbiddenCode() {}

    /**
     * In a chain such as {@code new ProcessBuilder(...).start()} or {@code $x.getClass().getMethod(...)},
     * the part that runs first: what the author has to take out.
     */
    static Expression firstToRun(Expression expression) {
        Optional<Expression> scope = Optional.empty();
        if (expression instanceof MethodCallExpr call) {
            scope = call.getScope();
        } else if (expression instanceof FieldAccessExpr access) {
            scope = Optional.of(access.getScope());
        } else if (expression instanceof EnclosedExpr enclosed) {
            return firstToRun(enclosed.getInner());
        }
        return scope.map(ForbiddenCode::firstToRun).filter(ForbiddenCode::runs).orElse(expression);
    }

    /** Whether the expression runs code of its own, rather than naming or reading a value. */
    private static boolean runs(Expression expression) {
        return expression instanceof MethodCallExpr || expression instanceof ObjectCreationExpr
                || expression instanceof ArrayCreationExpr || expression instanceof ArrayInitializerExpr
                || expression instanceof LambdaExpr || expression instanceof MethodReferenceExpr
                || expression instanceof AssignExpr || expression instanceof SwitchExpr
                || expression instanceof UnaryExpr unary && isIncrementOrDecrement(unary);
    }

    /**
     * What the expression does, e.g. {@code calls static method System.exit}.
     *
     * @param isValue whether a name is a value the rule may read (a bound variable, a field of the fact)
     */
    static String describe(Expression expression, Predicate<String> isValue) {
        if (expression instanceof MethodCallExpr call) {
            return describeCall(call, isValue);
        }
        if (expression instanceof ObjectCreationExpr) {
            return "constructs an object";
        }
        if (expression instanceof ArrayCreationExpr || expression instanceof ArrayInitializerExpr) {
            return "constructs an array";
        }
        if (expression instanceof LambdaExpr) {
            return "defines a lambda, which is code";
        }
        if (expression instanceof MethodReferenceExpr) {
            return "refers to a method, which is code";
        }
        if (expression instanceof AssignExpr assign) {
            return "assigns to " + assign.getTarget();
        }
        if (expression instanceof UnaryExpr unary && isIncrementOrDecrement(unary)) {
            return "changes " + unary.getExpression();
        }
        if (expression instanceof VariableDeclarationExpr) {
            return "declares a variable";
        }
        if (expression instanceof ClassExpr) {
            return "refers to a class object";
        }
        if (expression instanceof CastExpr) {
            return "casts a value to another type";
        }
        if (expression instanceof InstanceOfExpr) {
            return "tests a value's class";
        }
        if (expression instanceof SwitchExpr) {
            return "is a switch, which is code";
        }
        if (expression instanceof ThisExpr || expression instanceof SuperExpr) {
            return "refers to the object the rule is compiled into";
        }
        return "is not a plain value";
    }

    static boolean isIncrementOrDecrement(UnaryExpr unary) {
        return switch (unary.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    private static String describeCall(MethodCallExpr call, Predicate<String> isValue) {
        String name = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            return FACT_CHANGES.contains(name) ? "changes the engine's facts with " + name : "calls function " + name;
        }
        Expression scope = call.getScope().get();
        Optional<List<String>> names = nameChain(scope);
        if (names.isEmpty()) {
            return "calls method " + name + " on " + excerpt(scope);
        }
        String root = names.get().get(0);
        String last = names.get().get(names.get().size() - 1);
        if (ENGINE_CONTEXT.contains(root)) {
            return "uses the engine's context " + root;
        }
        if (!isValue.test(root) && Character.isUpperCase(last.charAt(0))) {
            return "calls static method " + scope + "." + name;
        }
        return "calls method " + name + " on " + scope;
    }

    /** The names of {@code a.b.c} when it is nothing but names, as a type name or a field path is written. */
    static Optional<List<String>> nameChain(Expression expression) {
        List<String> names = new ArrayList<>();
        Expression current = expression;
        while (current instanceof FieldAccessExpr access) {
            names.add(0, access.getNameAsString());
            current = access.getScope();
        }
        if (current instanceof NameExpr name) {
            names.add(0, name.getNameAsString());
            return Optional.of(names);
        }
        return Optional.empty();
    }

    /** The code as the author wrote it, on one line and short: {@code new java.io.File(...)}. */
    static String excerpt(Node node) {
        if (node instanceof ObjectCreationExpr creation) {
            return "new " + creation.getType() + arguments(creation.getArguments().isEmpty());
        }
        if (node instanceof MethodCallExpr call) {
            return call.getScope().map(scope -> excerpt(scope) + ".").orElse("") + call.getNameAsString()
                    + arguments(call.getArguments().isEmpty());
        }
        return excerpt(node.toString());
    }

    /** Code on one line, cut short if it is long. */
    static String excerpt(String code) {
        String text = code.lines().map(String::strip).collect(Collectors.joining(" "));
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH - 3) + "...";
    }

    private static String arguments(boolean none) {
        return none ? "()" : "(...)";
    }
}
