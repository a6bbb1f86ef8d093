package dev.leeway.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a bean-validation property path into the JSON path the client sent, so that
 * {@code serviceCase.id} is reported as {@code case.id}: clients only know the JSON names.
 */
final class JsonFieldPaths {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[[^\\]]*\\])*)");

    private JsonFieldPaths() {}

    static String of(Class<?> root, String propertyPath) {
        List<String> names = new ArrayList<>();
        Class<?> type = root;
        for (String part : propertyPath.split("\\.")) {
            Matcher segment = SEGMENT.matcher(part);
            if (!segment.matches()) {
                names.add(part);
                type = null;
                continue;
            }
            String name = segment.group(1);
            RecordComponent component = type == null ? null : componentNamed(type, name);
            if (component == null) {
                names.add(part);
                type = null;
                continue;
            }
            // @JsonProperty cannot target a record component; Java copies it onto the accessor.
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            names.add((renamed != null && !renamed.value().isEmpty() ? renamed.value() : name) + segment.group(2));
            type = segment.group(2).isEmpty() ? component.getType() : elementType(component.getGenericType());
        }
        return String.join(".", names);
    }

    private static RecordComponent componentNamed(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (arguments[arguments.length - 1] instanceof Class<?> element) {
                return element;
            }
        }
        return null;
    }
}
