package org.haven.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders each overlay once per test run and shares the result between test classes. */
final class Overlays {

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();
    private static final Map<String, RenderedOverlay> PARSED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** For {@code @MethodSource}: the name of every overlay under overlays/. */
    static List<String> names() {
        return Repository.overlayNames();
    }

    static String rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> Kubectl.kustomize(Repository.overlays().resolve(name)));
    }

    /** Shared between tests: read it, never change it. */
    static RenderedOverlay get(String overlay) {
        return PARSED.computeIfAbsent(overlay, name -> new RenderedOverlay(name, Manifests.parse(rendered(name))));
    }
}
