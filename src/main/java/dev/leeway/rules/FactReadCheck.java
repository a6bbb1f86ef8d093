package dev.leeway.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Checks that an operand of a constraint, read as Java, only reads: a field of the pattern's fact
 * (also nested, {@code customer.vulnerable}), a variable bound before it, a literal, a constant of
 * the fact model or value types ({@code BigDecimal.ZERO}), or comparison, logic and arithmetic over
 * those. Yields the type read, so that a variable bound to it can be read further; where the type
 * cannot be told it is {@code Object}, whose fields cannot be read.
 */
final class FactReadCheck {

    private final Class<?> fact;
    private final Map<String, Class<?>> bindings;
    private final ImportedTypes types;
    private final BiConsumer<Node, String> refuse;

    /**
     * @param fact the class the pattern matches
     * @param bindings the variables bound so far, by name, with the type they hold
     * @param refuse told of each part that is more than a read, and why
     */
    FactReadCheck(Class<?> fact, Map<String, Class<?>> bindings, ImportedTypes types, BiConsumer<Node, String> refuse) {
        this.fact = fact;
        this.bindings = bindings;
        this.types = types;
        this.refuse = refuse;
    }

    /** The type the expression reads, or empty when some part of it is more than a read (and was refused). */
    Optional<Class<?>> typeOf(Expression expression) {
        if (expression instanceof LiteralExpr) {
            return Optional.of(expression instanceof StringLiteralExpr ? String.class : Object.class);
        }
        if (expression instanceof NameExpr name) {
            return readName(name.getNameAsString(), name);
        }
        if (expression instanceof ThisExpr self && self.getTypeName().isEmpty()) {
            return Optional.of(fact);
        }
        if (expression instanceof FieldAccessExpr access) {
            return readField(access);
        }
        if (expression instanceof ArrayAccessExpr index) {
            return readElement(index);
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return typeOf(enclosed.getInner());
        }
        if (expression instanceof BinaryExpr binary) {
            return allRead(binary.getLeft(), binary.getRight());
        }
        if (expression instanceof UnaryExpr unary && !ForbiddenCode.isIncrementOrDecrement(unary)) {
            return allRead(unary.getExpression());
        }
        if (expression instanceof ConditionalExpr conditional) {
            return allRead(conditional.getCondition(), conditional.getThenExpr(), conditional.getElseExpr());
        }
        Expression culprit = ForbiddenCode.firstToRun(expression);
        refuse.accept(culprit, ForbiddenCode.describe(culprit, this::isValue));
        return Optional.empty();
    }

    /** Every operand is checked, so that each part that is more than a read is reported, not only the first. */
    private Optional<Class<?>> allRead(Expression... operands) {
        boolean read = true;
        for (Expression operand : operands) {
            read &= typeOf(operand).isPresent();
        }
        return read ? Optional.of(Object.class) : Optional.empty();
    }

    private boolean isValue(String name) {
        return bindings.containsKey(name) || FactModel.field(fact, name).isPresent();
    }

    private Optional<Class<?>> readName(String name, Node at) {
        if (bindings.containsKey(name)) {
            return Optional.of(bindings.get(name));
        }
        Optional<Class<?>> field = FactModel.field(fact, name);
        if (field.isEmpty()) {
            refuse.accept(at, "is not a field of " + fact.getSimpleName() + " or a variable bound before it");
        }
        return field;
    }

    private Optional<Class<?>> readField(FieldAccessExpr access) {
        Optional<List<String>> names = ForbiddenCode.nameChain(access);
        if (names.isEmpty()) {
            return typeOf(access.getScope()).flatMap(owner -> fieldOf(owner, access.getNameAsString(), access));
        }
        String root = names.get().get(0);
        if (!isValue(root)) {
            Optional<Class<?>> constant = types.constant(names.get());
            if (constant.isEmpty()) {
                refuse.accept(access, "is not a field of " + fact.getSimpleName()
                        + ", a bound variable or a constant of the fact model");
            }
            return constant;
        }
        Optional<Class<?>> type = readName(root, access);
        for (String name : names.get().subList(1, names.get().size())) {
            type = type.flatMap(owner -> fieldOf(owner, name, access));
        }
        return type;
    }

    private Optional<Class<?>> fieldOf(Class<?> owner, String name, Node at) {
        Optional<Class<?>> field = FactModel.field(owner, name);
        if (field.isEmpty()) {
            refuse.accept(at, FactModel.isFact(owner)
                    ? "reads " + name + ", which is not a field of " + owner.getSimpleName()
                    : "reads " + name + " of " + owner.getSimpleName() + ", which is not a fact of " + FactModel.FACTS);
        }
        return field;
    }

    private Optional<Class<?>> readElement(ArrayAccessExpr element) {
        Optional<Class<?>> container = typeOf(element.getName());
        boolean indexRead = typeOf(element.getIndex()).isPresent();
        if (container.isEmpty() || !indexRead) {
            return Optional.empty();
        }
        Class<?> type = container.get();
        if (Map.class.isAssignableFrom(type) || List.class.isAssignableFrom(type) || type.isArray()) {
            return Optional.of(Object.class);
        }
        refuse.accept(element, "looks up an element of " + type.getSimpleName() + ", which is not a list or a map");
        return Optional.empty();
    }
}
