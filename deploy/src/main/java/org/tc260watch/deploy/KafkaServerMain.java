package org.tc260watch.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * Runs a single-node KRaft Kafka broker in this JVM: the child side of {@link KafkaBroker}, and the entry point for
 * shell scripts (see deploy/README.md).
 * <p>
 * Writes {@code server.properties} into the data dir, formats the storage on first use only (so a restart keeps the
 * data), starts the broker, waits until it answers and prints exactly one line {@code KAFKA_READY 127.0.0.1:<port>} to
 * stdout. Everything else (Kafka's logs, our own messages) goes to stderr. SIGTERM, stdin EOF (with
 * {@code --exit-on-stdin-eof}) and the end of the parent process (with {@code --parent-pid}) shut it down cleanly.
 */
public final class KafkaServerMain {

    /** Log level of Kafka's own (slf4j) loggers unless {@link KafkaBroker#LOG_LEVEL_PROPERTY} says otherwise: INFO is too chatty for CI logs. */
    public static final String DEFAULT_LOG_LEVEL = "warn";
    public static final String PROPERTIES_FILE = "server.properties";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** A broker that does not stop in this time is halted: the data survives an unclean stop, a hung child does not help anyone. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PARENT_POLL = Duration.ofMillis(500);

    private KafkaServerMain() {
    }

    public static void main(String[] args) {
        // Before anything touches slf4j: the simple logger reads these once.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty(KafkaBroker.LOG_LEVEL_PROPERTY, DEFAULT_LOG_LEVEL));
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // Stdout carries the ready line only; stray prints of libraries go to stderr.
        PrintStream readyOut = System.out;
        System.setOut(System.err);

        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(options, readyOut);
        } catch (Throwable e) {
            e.printStackTrace(System.err);
            // Last, so that it ends the tail of the log a parent reports.
            System.err.println("Kafka broker failed to start: " + causes(e));
            System.exit(1);
        }
    }

    private static void run(ServerOptions options, PrintStream readyOut) throws Exception {
        long started = System.nanoTime();
        Path dataDir = options.dataDir();
        Files.createDirectories(dataDir);
        int port = options.port() != 0 ? options.port() : freePort();
        int controllerPort = options.controllerPort() != 0 ? options.controllerPort() : freePortOtherThan(port);

        Properties properties = KraftServerProperties.of(dataDir, port, controllerPort);
        Path propertiesFile = dataDir.resolve(PROPERTIES_FILE);
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            properties.store(out, "Written by " + KafkaServerMain.class.getName() + " on every start");
        }
        formatIfNeeded(dataDir, propertiesFile);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        Path pidFile = dataDir.resolve(KafkaBroker.PID_FILE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(server, pidFile), "kafka-broker-shutdown"));
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        watchForExitSignals(options);

        server.startup();
        String bootstrapServers = KraftServerProperties.HOST + ":" + port;
        awaitAnswer(bootstrapServers);
        System.err.printf("Kafka broker on %s ready after %d ms (data in %s)%n", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        readyOut.println(KafkaBroker.READY_PREFIX + bootstrapServers);
        readyOut.flush();
        server.awaitShutdown();
    }

    /** Formats a fresh data dir; an existing one is kept so that a restart finds its topics and records again. */
    private static void formatIfNeeded(Path dataDir, Path propertiesFile) {
        if (Files.exists(KraftServerProperties.logDir(dataDir).resolve("meta.properties"))) {
            return;
        }
        // execute(), unlike main(), returns instead of calling System.exit.
        int status = StorageTool.execute(new String[] {
                "format", "--config", propertiesFile.toString(), "--cluster-id", Uuid.randomUuid().toString(),
                "--ignore-formatted" }, System.err);
        if (status != 0) {
            throw new IllegalStateException("formatting " + dataDir + " failed with status " + status);
        }
    }

    private static void awaitAnswer(String bootstrapServers) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("broker on " + bootstrapServers + " did not answer within "
                                + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    private static void watchForExitSignals(ServerOptions options) {
        if (options.exitOnStdinEof()) {
            daemon("stdin-eof-watch", () -> {
                try {
                    InputStream in = System.in;
                    byte[] buffer = new byte[256];
                    while (in.read(buffer) != -1) {
                        // The parent never writes; anything it does is ignored.
                    }
                } catch (IOException e) {
                    // A broken pipe means the same as EOF: the parent is gone.
                }
                System.err.println("stdin closed: parent is gone, stopping the Kafka broker");
                System.exit(0);
            });
        }
        options.parentPid().ifPresent(pid -> daemon("parent-watch", () -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(PARENT_POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("parent process " + pid + " is gone, stopping the Kafka broker");
            System.exit(0);
        }));
    }

    private static void shutDown(KafkaRaftServer server, Path pidFile) {
        Thread watchdog = daemon("kafka-broker-shutdown-watchdog", () -> {
            try {
                Thread.sleep(SHUTDOWN_TIMEOUT.toMillis());
                System.err.println("Kafka broker did not stop within " + SHUTDOWN_TIMEOUT.toSeconds() + " s, halting");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                // stopped in time
            }
        });
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            System.err.println("Kafka broker shutdown failed: " + e);
        } finally {
            watchdog.interrupt();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // a stale pid file names a dead process; harmless
            }
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(KraftServerProperties.HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + KraftServerProperties.HOST, e);
        }
    }

    private static int freePortOtherThan(int taken) {
        int port;
        do {
            port = freePort();
        } while (port == taken);
        return port;
    }

    private static String causes(Throwable e) {
        StringBuilder chain = new StringBuilder(String.valueOf(e));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause);
        }
        return chain.toString();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
