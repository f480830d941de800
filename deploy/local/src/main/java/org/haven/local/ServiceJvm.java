package org.haven.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which {@code java} runs a service and with which AOT cache options. With a JDK 25+ on the machine and a
 * fresh cache, a service starts from it (measured in docs/benchmarks.md: a third to a half less CPU
 * until ready); without one, everything runs on the launcher's JDK exactly as before, so a machine with only
 * JDK 17 behaves as it always did.
 */
record ServiceJvm(Path java, Optional<Runtime.Version> version, List<String> aotOptions, Optional<AotCache> training) {

    // Every 5 s the JVM returns freed C heap to the OS, which glibc otherwise keeps: with MALLOC_ARENA_MAX=2
    // (see ServiceProcess) 6-13 MiB less RSS per idle service (docs/benchmarks.md). Linux (glibc) only;
    // experimental in 17.0.9 and 21.0.1, a product option later.
    private static final List<String> TRIM_NATIVE_HEAP = List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");

    static ServiceJvm launchers() {
        return new ServiceJvm(Path.of(System.getProperty("java.home"), "bin", "java"), Optional.of(Runtime.version()), List.of(),
                Optional.empty());
    }

    private static ServiceJvm on(JavaRuntime jdk, List<String> aotOptions, Optional<AotCache> training) {
        return new ServiceJvm(jdk.java(), jdk.runtimeVersion(), aotOptions, training);
    }

    /** Options this JVM understands that keep an idle service's memory small. */
    List<String> memoryOptions() {
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        return version.filter(v -> linux && trimsNativeHeap(v)).map(v -> TRIM_NATIVE_HEAP).orElse(List.of());
    }

    static boolean trimsNativeHeap(Runtime.Version version) {
        return switch (version.feature()) {
            case 17 -> version.update() >= 9;
            case 18, 19, 20 -> false;
            case 21 -> version.update() >= 1;
            default -> version.feature() > 21;
        };
    }

    static ServiceJvm choose(ServiceSpec spec, Path projectRoot, AotMode mode, Optional<JavaRuntime> aotJdk) throws IOException {
        if (mode == AotMode.OFF || aotJdk.isEmpty()) {
            return launchers();
        }
        AotCache cache = AotCache.of(spec, projectRoot, aotJdk.get());
        if (cache.isFresh()) {
            return on(aotJdk.get(), cache.useOptions(), Optional.empty());
        }
        if (mode == AotMode.TRAIN) {
            return on(aotJdk.get(), cache.recordingOptions(), Optional.of(cache));
        }
        return launchers();
    }

    String describe() {
        if (training.isPresent()) {
            return java + ", training its AOT cache (written when it stops)";
        }
        return aotOptions.isEmpty() ? java.toString() : java + " with its AOT cache";
    }
}
