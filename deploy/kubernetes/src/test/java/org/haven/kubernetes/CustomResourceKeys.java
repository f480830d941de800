package org.haven.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Checks custom resources without a Java model (CloudNativePG, Keycloak) against a hand-written list of the
 * keys their CRDs allow, kept in {@code src/test/resources/custom-resource-keys/<group>_<Kind>.yaml}:
 * a key with no value takes any value, {@code "*"} marks a free-form map, and a nested map lists the keys
 * allowed below it (for every item when the value is a list). Metadata is checked by fabric8's ObjectMeta.
 */
final class CustomResourceKeys {

    private CustomResourceKeys() {
    }

    static boolean known(String apiVersion, String kind) {
        return CustomResourceKeys.class.getResource(resourceName(apiVersion, kind)) != null;
    }

    static List<String> unknownIn(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        List<String> found = new ArrayList<>();
        compare(object, allowedKeys(apiVersion, kind), "", found);
        UnknownFields.in(Manifests.convert(object.get("metadata"), ObjectMeta.class))
                .forEach(key -> found.add("metadata." + key));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static void compare(Map<String, Object> object, Map<String, Object> allowed, String path, List<String> found) {
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            String key = entry.getKey();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (!allowed.containsKey(key)) {
                found.add(keyPath);
                continue;
            }
            Object rule = allowed.get(key);
            if (!(rule instanceof Map<?, ?> nested)) {
                continue;
            }
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> map) {
                compare((Map<String, Object>) map, (Map<String, Object>) nested, keyPath, found);
            } else if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        compare((Map<String, Object>) item, (Map<String, Object>) nested, keyPath + "[" + i + "]", found);
                    } else {
                        found.add(keyPath + "[" + i + "] (an object was expected)");
                    }
                }
            } else if (value != null) {
                found.add(keyPath + " (an object was expected)");
            }
        }
    }

    private static Map<String, Object> allowedKeys(String apiVersion, String kind) {
        String name = resourceName(apiVersion, kind);
        try (InputStream keys = CustomResourceKeys.class.getResourceAsStream(name)) {
            if (keys == null) {
                throw new AssertionError("no allowed-keys list for " + apiVersion + " " + kind + " (" + name + ")");
            }
            return Manifests.readYamlMap(new String(keys.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resourceName(String apiVersion, String kind) {
        return "/custom-resource-keys/" + apiVersion.replace('/', '_') + "_" + kind + ".yaml";
    }
}
