package org.tc260watch.deploy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Kafka broker (single-node KRaft) running in a child JVM, started from any JVM without Kafka on its classpath.
 * <p>
 * Uses JDK classes only: it runs inside Quarkus test JVMs, where Kafka's server jars must never appear. The child's
 * classpath is the {@code broker.classpath} resource written by the build plus the location of these classes. The child
 * holds our pipe on its stdin and exits when it reaches EOF, so it cannot outlive this JVM, even after {@code kill -9}.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The one line the child prints on stdout once the broker answers, followed by {@code host:port}. */
    public static final String READY_PREFIX = "KAFKA_READY ";
    /** System property with the log level of the broker's own loggers (trace..error); passed on to the child. */
    public static final String LOG_LEVEL_PROPERTY = "tc260watch.broker.log-level";
    /** In the data dir: the child's stdout and stderr. */
    public static final String LOG_FILE = "broker.log";
    /** In the data dir: the child's pid while it runs. */
    public static final String PID_FILE = "broker.pid";

    static final String CHILD_MAIN_CLASS = "org.tc260watch.deploy.KafkaServerMain";
    static final String CLASSPATH_RESOURCE = "broker.classpath";
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Djava.awt.headless=true");

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final Path dataDir;
    private final String bootstrapServers;
    private final Thread logPump;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(Process process, Path dataDir, String bootstrapServers, Thread logPump) {
        this.process = process;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
        this.logPump = logPump;
        this.shutdownHook = new Thread(this::close, "kafka-broker-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a broker on a free port; blocks until it answers (at most 90 s). */
    public static KafkaBroker start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts a broker keeping its data in {@code dataDir} (reused if it already holds a broker's data) and listening on
     * 127.0.0.1:{@code port} (0 = a free port); blocks until it answers (at most 90 s).
     *
     * @throws IllegalStateException if the child exits or does not become ready in time; the message has its last log lines
     */
    public static KafkaBroker start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        List<String> command = command(dir, port);
        long started = System.nanoTime();
        Process process;
        Path logFile = dir.resolve(LOG_FILE);
        BufferedWriter log;
        try {
            Files.createDirectories(dir);
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            log.write("==== " + java.time.Instant.now() + " starting: " + String.join(" ", command));
            log.newLine();
            log.flush();
            // stdin stays a pipe we never write to: its EOF tells the child that this JVM is gone.
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + dir, e);
        }

        LogPump pump = new LogPump(process.getInputStream(), log);
        Thread pumpThread = new Thread(pump, "kafka-broker-log-" + process.pid());
        pumpThread.setDaemon(true);
        pumpThread.start();

        String servers;
        try {
            servers = pump.ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Kafka broker in " + dir, e);
        } catch (ExecutionException | TimeoutException e) {
            String reason = e instanceof TimeoutException
                    ? "was not ready within " + READY_TIMEOUT.toSeconds() + " s"
                    : "exited" + exitCode(process);
            process.destroyForcibly();
            throw new IllegalStateException("Kafka broker in " + dir + " " + reason + "; full log in " + logFile
                    + "; last lines:\n" + pump.tail(), e);
        }
        LOG.log(Level.INFO, "Kafka broker on {0} started in {1} ms (pid {2}, log {3})", servers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), String.valueOf(process.pid()), logFile);
        return new KafkaBroker(process, dir, servers, pumpThread);
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the broker: SIGTERM (a clean Kafka shutdown), then SIGKILL if it takes longer than 30 s. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: this call may be the hook itself
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Kafka broker (pid {0}) did not stop within {1} s, killing it",
                        String.valueOf(process.pid()), STOP_TIMEOUT.toSeconds());
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            // Lets the log file receive the broker's last words.
            logPump.join(2_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers + ", pid " + process.pid() + ", " + dataDir + "]";
    }

    static List<String> command(Path dataDir, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        String logLevel = System.getProperty(LOG_LEVEL_PROPERTY);
        if (logLevel != null && !logLevel.isBlank()) {
            command.add("-D" + LOG_LEVEL_PROPERTY + "=" + logLevel.strip());
        }
        command.add("-cp");
        command.add(childClasspath());
        command.add(CHILD_MAIN_CLASS);
        command.addAll(List.of("--data-dir", dataDir.toString(), "--port", String.valueOf(port), "--exit-on-stdin-eof"));
        return command;
    }

    /** These classes' own location, then the broker's jars as recorded by the build. */
    static String childClasspath() {
        List<String> entries = new ArrayList<>();
        entries.add(launcherLocation().toString());
        entries.addAll(brokerClasspath());
        return classpath(entries);
    }

    /**
     * The jars of the Kafka distribution the broker runs from, like a distribution's {@code libs/}: the server, the
     * clients, the tools ({@code org.apache.kafka.tools.consumer.ConsoleConsumer} is what
     * {@code bin/kafka-console-consumer.sh} runs), Jackson and slf4j-simple. For running Kafka's tools and plain client
     * programs in JVMs of their own.
     */
    public static String distributionClasspath() {
        return classpath(brokerClasspath());
    }

    private static String classpath(List<String> entries) {
        List<String> missing = entries.stream().filter(e -> !Files.exists(Path.of(e))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the Kafka broker's classpath names missing files " + missing
                    + "; rebuild the deploy module (./mvnw -pl deploy install) so that " + CLASSPATH_RESOURCE + " is current");
        }
        return String.join(File.pathSeparator, entries);
    }

    static List<String> brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + CLASSPATH_RESOURCE + " is missing next to "
                        + KafkaBroker.class.getName() + "; it is written by the deploy module's Maven build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return Arrays.stream(text.split(File.pathSeparator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE, e);
        }
    }

    /** The jar or classes directory holding this class. */
    static Path launcherLocation() {
        URL self = KafkaBroker.class.getResource(KafkaBroker.class.getSimpleName() + ".class");
        try {
            if (self != null && "jar".equals(self.getProtocol())) {
                String spec = self.toString();
                return Path.of(new URI(spec.substring("jar:".length(), spec.indexOf("!/"))));
            }
            if (self != null && "file".equals(self.getProtocol())) {
                Path classFile = Path.of(self.toURI());
                Path root = classFile.getParent();
                for (int i = 0; i < KafkaBroker.class.getPackageName().split("\\.").length; i++) {
                    root = root.getParent();
                }
                return root;
            }
            // Other class loaders (e.g. in-memory ones) may still know where the class came from.
            CodeSource codeSource = KafkaBroker.class.getProtectionDomain().getCodeSource();
            if (codeSource != null && codeSource.getLocation() != null
                    && "file".equals(codeSource.getLocation().getProtocol())) {
                return Path.of(codeSource.getLocation().toURI());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot turn " + self + " into a file path", e);
        }
        throw new IllegalStateException("cannot find the jar or directory of " + KafkaBroker.class.getName()
                + " (loaded from " + self + ")");
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? " with status " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Copies the child's output into the log file, remembers the last lines and spots the ready line. */
    private static final class LogPump implements Runnable {
        final CompletableFuture<String> ready = new CompletableFuture<>();
        private final InputStream output;
        private final BufferedWriter log;
        private final Deque<String> tail = new ArrayDeque<>();

        LogPump(InputStream output, BufferedWriter log) {
            this.output = output;
            this.log = log;
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                    BufferedWriter out = log) {
                String line;
                while ((line = reader.readLine()) != null) {
                    remember(line);
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.startsWith(READY_PREFIX)) {
                        ready.complete(line.substring(READY_PREFIX.length()).strip());
                    }
                }
            } catch (IOException e) {
                remember("(reading the broker's output failed: " + e + ")");
            } finally {
                ready.completeExceptionally(new IllegalStateException("the broker's output ended"));
            }
        }

        private synchronized void remember(String line) {
            if (tail.size() == LOG_TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }

        synchronized String tail() {
            return String.join("\n", tail);
        }
    }
}
