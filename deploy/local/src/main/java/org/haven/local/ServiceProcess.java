package org.haven.local;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service running as its own process from its packaged jar, as it runs in production. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    // Writing an AOT cache at exit takes seconds of CPU, far longer than a normal stop on a busy machine.
    private static final Duration TRAINING_RUN_GRACE = Duration.ofMinutes(3);

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;
    private final long startedAt;
    private final Optional<AotCache> training;

    private ServiceProcess(ServiceSpec spec, Process process, Path log, long startedAt, Optional<AotCache> training) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.startedAt = startedAt;
        this.training = training;
    }

    static Path requireJar(ServiceSpec spec, Path projectRoot) {
        Path jar = projectRoot.resolve(spec.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        return jar;
    }

    static ServiceProcess start(ServiceSpec spec, Path projectRoot, Path logs, Map<String, String> env, ServiceJvm jvm) throws IOException {
        Path jar = requireJar(spec, projectRoot);
        Files.createDirectories(logs);
        Path log = logs.resolve(spec.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        // Four services share a 2-core laptop with Kafka and PostgreSQL: the serial collector; a heap that
        // starts small and gives memory back after a collection; and the C1 compiler only, because C2's
        // compilations cost more CPU than they save in runs of minutes (measured in docs/benchmarks.md).
        // HAVEN_JAVA_OPTS comes later on the command line and overrides any of these.
        command.add("-XX:+UseSerialGC");
        command.add("-Xms24m");
        command.add("-Xmx256m");
        command.add("-XX:MinHeapFreeRatio=10");
        command.add("-XX:MaxHeapFreeRatio=30");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvm.memoryOptions());
        command.addAll(jvm.aotOptions());
        // Extra JVM options for every service; "{service}" becomes the service's name, so that e.g.
        // -XX:StartFlightRecording=filename=/tmp/{service}.jfr gives each process its own recording.
        String extra = System.getenv("HAVEN_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().replace("{service}", spec.name()).split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // glibc gives threads that allocate at once their own malloc arenas (up to 8 per core), each keeping
        // freed memory: two are enough for services that live in the Java heap. With the native heap trim
        // (ServiceJvm) 6-13 MiB less RSS per idle service (docs/benchmarks.md). Unless the user set it.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(spec.port()));
        return new ServiceProcess(spec, builder.start(), log, System.nanoTime(), jvm.training());
    }

    ServiceSpec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits until the service's readiness check is UP; returns how long it took since the process started. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** CPU time (user + system) the process has used so far; zero when the platform does not tell. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident set size of the process in MiB, read from /proc (Linux). */
    long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not on Linux, or the process is gone
        }
        return -1;
    }

    /**
     * Sends the process SIGSTOP ({@code paused}) or SIGCONT: a stopped JVM keeps its sockets and locks but answers
     * nothing and sends no heartbeat, as a process frozen by a long GC pause or a starved node would.
     */
    void pause(boolean paused) {
        String signal = paused ? "-STOP" : "-CONT";
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + spec.name() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the service abruptly, as a crash or an OOM kill would: SIGKILL, no shutdown hooks. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        training.ifPresent(AotCache::discardRecording);
    }

    boolean isTraining() {
        return training.isPresent();
    }

    /**
     * Ends the service the way an orchestrator would: SIGTERM, then SIGKILL after a grace period (longer for
     * a training run, which writes its AOT cache as it exits; the cache is kept only if it got to finish).
     */
    @Override
    public void close() {
        process.destroy();
        boolean exited = false;
        try {
            exited = process.waitFor(training.isPresent() ? TRAINING_RUN_GRACE.toSeconds() : 15, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (training.isPresent()) {
            keepOrDiscardTraining(training.get(), exited);
        }
    }

    private void keepOrDiscardTraining(AotCache cache, boolean exited) {
        try {
            if (exited && cache.adoptRecording()) {
                LOG.infof("%s: AOT cache written to %s; its next start uses it", spec.name(), cache.file());
                return;
            }
        } catch (IOException e) {
            LOG.warnf("%s: could not keep the AOT cache: %s", spec.name(), e.getMessage());
        }
        cache.discardRecording();
    }
}
