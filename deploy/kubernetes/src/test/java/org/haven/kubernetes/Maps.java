package org.haven.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dotted-path look-ups in plain YAML maps (custom resources without a model, compose.yaml). */
final class Maps {

    private Maps() {
    }

    static Optional<Object> optional(Map<String, Object> root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    static Optional<String> optionalString(Map<String, Object> root, String path) {
        return optional(root, path).map(String::valueOf);
    }

    static String string(Map<String, Object> root, String path) {
        return optionalString(root, path).orElseThrow(() -> new AssertionError("no " + path));
    }

    static Optional<Map<String, Object>> optionalMap(Map<String, Object> root, String path) {
        return optional(root, path).map(Maps::asMap);
    }

    static Map<String, Object> map(Map<String, Object> root, String path) {
        return optionalMap(root, path).orElseThrow(() -> new AssertionError("no " + path));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> root, String path) {
        return optional(root, path).map(value -> (List<Map<String, Object>>) value).orElse(List.of());
    }

    static int integer(Map<String, Object> root, String path) {
        return Integer.parseInt(string(root, path));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("an object was expected, found " + value);
        }
        return (Map<String, Object>) value;
    }
}
