package org.haven.kubernetes;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Finds fields the typed model did not recognise. fabric8 and Strimzi keep an unknown YAML key in the
 * owning object's {@code additionalProperties} instead of failing; this walks the whole object graph and
 * reports every such key with its path (e.g. {@code spec.template.spec.containers[0].readinesProbe}).
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static List<String> in(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object node, String path, List<String> found, Set<Object> visited) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found, visited);
            }
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> walk(value, join(path, String.valueOf(key)), found, visited));
            return;
        }
        if (!isModel(node.getClass()) || !visited.add(node)) {
            return;
        }
        additionalProperties(node).keySet().forEach(key -> found.add(join(path, key)));
        for (Class<?> type = node.getClass(); type != null && isModel(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                    continue;
                }
                walk(read(field, node), join(path, jsonName(field)), found, visited);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> additionalProperties(Object node) {
        try {
            Method getter = node.getClass().getMethod("getAdditionalProperties");
            Object value = getter.invoke(node);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read additionalProperties of " + node.getClass(), e);
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
