package dev.leeway.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What rules may name: the facts of {@code dev.leeway.facts} and the value types of {@code java.time}
 * and {@code java.math}. Read by reflection from the application's own classes, never from a
 * candidate, so that looking a name up runs nothing the candidate wrote.
 */
final class FactModel {

    static final String FACTS = "dev.leeway.facts";
    private static final Set<String> VALUE_TYPES = Set.of("java.time", "java.math");

    private FactModel() {}

    /** Whether a rule file may import from the package: the facts, or value types. */
    static boolean mayImportFrom(String packageName) {
        return FACTS.equals(packageName) || VALUE_TYPES.contains(packageName);
    }

    /** Whether a pattern may match the type, and its fields be read: a class of the fact model, not an enum. */
    static boolean isFact(Class<?> type) {
        return FACTS.equals(type.getPackageName()) && !type.isEnum() && !type.isInterface() && !type.isArray();
    }

    /** The type of a fact's field as rules name it: a record component, or a getter's property. */
    static Optional<Class<?>> field(Class<?> fact, String name) {
        if (!isFact(fact)) {
            return Optional.empty();
        }
        if (fact.isRecord()) {
            return Arrays.stream(fact.getRecordComponents())
                    .filter(component -> component.getName().equals(name))
                    .<Class<?>>map(RecordComponent::getType)
                    .findFirst();
        }
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return Arrays.stream(fact.getMethods())
                .filter(method -> isGetter(method, capitalised) && isFact(method.getDeclaringClass()))
                .<Class<?>>map(Method::getReturnType)
                .findFirst();
    }

    /** The type of a constant (an enum constant or a public static final field) of a fact-model or value type. */
    static Optional<Class<?>> constant(Class<?> type, String name) {
        if (!mayImportFrom(type.getPackageName())) {
            return Optional.empty();
        }
        try {
            Field field = type.getField(name);
            int modifiers = field.getModifiers();
            return Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    ? Optional.of(field.getType()) : Optional.empty();
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
    }

    private static boolean isGetter(Method method, String capitalised) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0) {
            return false;
        }
        return method.getName().equals("get" + capitalised)
                || method.getName().equals("is" + capitalised) && method.getReturnType() == boolean.class;
    }
}
