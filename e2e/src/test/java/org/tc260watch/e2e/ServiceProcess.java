package org.tc260watch.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}, or another build's directory) running as a separate process. It can be killed
 * with SIGKILL and started again with the same settings ({@link #kill()}, {@link #restart()}).
 */
final class ServiceProcess implements AutoCloseable {

    /** How to start one instance: the same again on {@link #restart()}. */
    private record Launch(String app, String name, int port, Map<String, String> env, List<String> jvmArgs, Path log) {
    }

    private final Launch launch;
    private final Process process;

    private ServiceProcess(Launch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    static ServiceProcess start(String module, int port, Map<String, String> env, Path logDir) throws IOException {
        return start(module, module, port, env, List.of(), logDir);
    }

    /**
     * @param name    the instance's name, also its log file {@code <logDir>/<name>.log}
     * @param jvmArgs extra JVM options such as {@code -Dkafka-streams.session.timeout.ms=6000}
     */
    static ServiceProcess start(String module, String name, int port, Map<String, String> env, List<String> jvmArgs,
            Path logDir) throws IOException {
        return startApp(module + "/target/quarkus-app", name, port, env, jvmArgs, logDir);
    }

    /**
     * @param app the packaged application's directory under the project root, such as
     *            {@code notifier/target/quarkus-app-postgresql} (the notifier built for PostgreSQL)
     */
    static ServiceProcess startApp(String app, String name, int port, Map<String, String> env, List<String> jvmArgs,
            Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Launch launch = new Launch(app, name, port, Map.copyOf(env), List.copyOf(jvmArgs), logDir.resolve(name + ".log"));
        return new ServiceProcess(launch, spawn(launch, false));
    }

    private static Process spawn(Launch launch, boolean appendLog) throws IOException {
        Path jar = projectRoot().resolve(launch.app()).resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -B verify builds them)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(launch.jvmArgs());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(appendLog
                        ? ProcessBuilder.Redirect.appendTo(launch.log().toFile())
                        : ProcessBuilder.Redirect.to(launch.log().toFile()));
        pb.environment().putAll(launch.env());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(launch.port()));
        return pb.start();
    }

    static Path projectRoot() {
        String root = System.getProperty("tc260.project.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    String name() {
        return launch.name();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String url(String path) {
        return "http://127.0.0.1:" + launch.port() + path;
    }

    /** Waits for the readiness probe; fails with the end of the service's log if it dies or stays unready. */
    ServiceProcess awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name() + " not ready after " + timeout + " (" + last + "):\n" + tail());
    }

    /** The end of each one's log, headed by its name, for a failure message. */
    static String tails(List<ServiceProcess> services) {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess s : services) {
            out.append("---- ").append(s.name()).append(s.isAlive() ? "" : " (dead)").append(":\n").append(s.tail())
                    .append('\n');
        }
        return out.toString();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(launch.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL (no shutdown hook, no clean leave of the consumer group, no transaction abort); returns the exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name() + " (pid " + pid() + ") still alive 10 s after SIGKILL");
        }
        return process.exitValue();
    }

    /** Starts the same service again (same port, environment and data); its output goes on in the same log file. */
    ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name() + " is still running");
        }
        Files.writeString(launch.log(), "%n===== tc260-watch test: restarted at %s =====%n".formatted(Instant.now()),
                StandardOpenOption.APPEND);
        return new ServiceProcess(launch, spawn(launch, true));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
