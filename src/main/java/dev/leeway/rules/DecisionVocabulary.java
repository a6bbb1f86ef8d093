package dev.leeway.rules;

import dev.leeway.vocabulary.DecisionDraft;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;

/**
 * The calls a consequence may make: the public steps of the vocabulary, from the global
 * {@code decision} on ({@code decision.escape("x").skip("A")}). A step takes only values a rule can
 * write (text, numbers, yes or no) and returns nothing or another step; the engine's own hooks on
 * {@link DecisionDraft} ({@code ruleFiring}, {@code conclude}) are thereby not steps, and neither
 * are the methods every object has ({@code getClass}).
 */
final class DecisionVocabulary {

    static final String GLOBAL_TYPE = DecisionDraft.class.getName();
    private static final String PACKAGE = DecisionDraft.class.getPackageName();

    private DecisionVocabulary() {}

    /** What calling the step on a draft returns, if it is a step: a further draft, or {@code void}. */
    static Optional<Class<?>> step(Class<?> draft, String name) {
        return Arrays.stream(draft.getMethods())
                .filter(method -> method.getName().equals(name) && isStep(method))
                .<Class<?>>map(Method::getReturnType)
                .findFirst();
    }

    static Class<?> root() {
        return DecisionDraft.class;
    }

    private static boolean isStep(Method method) {
        return !Modifier.isStatic(method.getModifiers())
                && !method.isSynthetic()
                && PACKAGE.equals(method.getDeclaringClass().getPackageName())
                && (method.getReturnType() == void.class || PACKAGE.equals(method.getReturnType().getPackageName()))
                && Arrays.stream(method.getParameterTypes()).allMatch(DecisionVocabulary::isValue);
    }

    private static boolean isValue(Class<?> type) {
        Class<?> element = type.isArray() ? type.getComponentType() : type;
        return element.isPrimitive() || element == String.class || element == Object.class
                || Number.class.isAssignableFrom(element) || element == Boolean.class;
    }
}
