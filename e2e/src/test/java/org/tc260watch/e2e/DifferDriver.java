package org.tc260watch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.Topics;

/**
 * The differ's topology ({@code DifferTopology.build(3)}, with the Kafka Streams settings of the packaged service) in a
 * {@code TopologyTestDriver}: what the service must emit for a given input, in one JVM, one task, no failures.
 *
 * <p>The topology is the one of the packaged service the test starts as processes
 * ({@code differ/target/quarkus-app}), loaded in a class loader of its own with the service's libraries, not a differ
 * jar from the local Maven repository, which another checkout's build may have replaced.
 *
 * <p>The driver routes every record the topology writes to a topic the topology also reads (repartition topics, and
 * any topic the topology both writes and reads) back into the topology before the next input record.
 */
final class DifferDriver implements AutoCloseable {

    private static final String PREFIX = "kafka-streams.";
    private static final String TOPOLOGY = "org.tc260watch.differ.topology.DifferTopology";
    private static ClassLoader packaged;

    /** One record of {@link Topics#CHANGES}, read leniently (the event schema may grow). */
    record Change(String id, String type, String standardKey, String version, String json) {

        static Change parse(String json) {
            try {
                JsonNode node = EventJson.mapper().readTree(json);
                return new Change(node.path("id").asText(null), node.path("type").asText(null),
                        node.path("standardKey").asText(null), node.path("state").path("version").asText(null), json);
            } catch (IOException e) {
                throw new IllegalStateException("not a change event: " + json, e);
            }
        }

        @Override
        public String toString() {
            return id + " " + type + " " + standardKey + (version == null || version.isEmpty() ? "" : " v" + version);
        }
    }

    private final ClassLoader loader;
    private final Object driver;
    private final Object snapshots;
    private final Object runs;
    private final Object changes;
    private final Method pipeInput;
    private final Method readValuesToList;

    DifferDriver(Path stateDir) throws Exception {
        loader = packagedDiffer();
        Properties props = serviceStreamsSettings();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "driver.invalid:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        // Streams loads configured classes (exception handlers) through the context class loader.
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Object topology = loader.loadClass(TOPOLOGY).getMethod("build", int.class)
                    .invoke(null, StandardsLife.PARTITIONS);
            Class<?> driverClass = loader.loadClass("org.apache.kafka.streams.TopologyTestDriver");
            driver = driverClass.getConstructor(loader.loadClass("org.apache.kafka.streams.Topology"), Properties.class)
                    .newInstance(topology, props);
            Class<?> serializer = loader.loadClass("org.apache.kafka.common.serialization.Serializer");
            Class<?> deserializer = loader.loadClass("org.apache.kafka.common.serialization.Deserializer");
            Object strings = loader.loadClass("org.apache.kafka.common.serialization.StringSerializer")
                    .getConstructor().newInstance();
            Object unstrings = loader.loadClass("org.apache.kafka.common.serialization.StringDeserializer")
                    .getConstructor().newInstance();
            Method input = driverClass.getMethod("createInputTopic", String.class, serializer, serializer);
            Method output = driverClass.getMethod("createOutputTopic", String.class, deserializer, deserializer);
            snapshots = input.invoke(driver, Topics.SNAPSHOTS, strings, strings);
            runs = input.invoke(driver, Topics.SCRAPE_RUNS, strings, strings);
            changes = output.invoke(driver, Topics.CHANGES, unstrings, unstrings);
            pipeInput = snapshots.getClass().getMethod("pipeInput", Object.class, Object.class, long.class);
            readValuesToList = changes.getClass().getMethod("readValuesToList");
        } finally {
            Thread.currentThread().setContextClassLoader(caller);
        }
    }

    /** Pipes the messages in this order, with timestamps {@code base + atMillis}; returns the changes they caused. */
    List<Change> pipe(List<StandardsLife.Message> messages, long base) throws Exception {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            for (StandardsLife.Message m : messages) {
                pipeInput.invoke(m.topic().equals(Topics.SNAPSHOTS) ? snapshots : runs, m.key(), m.value(),
                        base + m.atMillis());
            }
            List<?> values = (List<?>) readValuesToList.invoke(changes);
            return values.stream().map(v -> Change.parse((String) v)).toList();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            Thread.currentThread().setContextClassLoader(caller);
        }
    }

    /**
     * All changes of the script when each step's records arrive in another order the broker allows: any interleaving
     * of the input partitions, each partition in publishing order, and a run's verdict after the run's snapshots.
     */
    static List<Change> replayInterleaved(List<StandardsLife.Step> steps, long base, Random random, Path stateDir)
            throws Exception {
        List<Change> all = new ArrayList<>();
        try (DifferDriver d = new DifferDriver(stateDir)) {
            for (StandardsLife.Step step : steps) {
                all.addAll(d.pipe(interleave(step.messages(), random), base));
            }
        }
        return all;
    }

    private static List<StandardsLife.Message> interleave(List<StandardsLife.Message> messages, Random random) {
        Map<String, Deque<StandardsLife.Message>> partitions = new LinkedHashMap<>();
        Map<String, Integer> snapshotsLeft = new HashMap<>();
        for (StandardsLife.Message m : messages) {
            partitions.computeIfAbsent(m.topic() + "-" + StandardsLife.partitionOf(m.key()), k -> new ArrayDeque<>())
                    .add(m);
            if (m.topic().equals(Topics.SNAPSHOTS)) {
                snapshotsLeft.merge(m.runId(), 1, Integer::sum);
            }
        }
        List<StandardsLife.Message> out = new ArrayList<>();
        while (out.size() < messages.size()) {
            List<Deque<StandardsLife.Message>> ready = partitions.values().stream()
                    .filter(q -> !q.isEmpty())
                    .filter(q -> q.peek().topic().equals(Topics.SNAPSHOTS) || snapshotsLeft.getOrDefault(q.peek().runId(), 0) == 0)
                    .toList();
            StandardsLife.Message next = ready.get(random.nextInt(ready.size())).poll();
            if (next.topic().equals(Topics.SNAPSHOTS)) {
                snapshotsLeft.merge(next.runId(), -1, Integer::sum);
            }
            out.add(next);
        }
        return out;
    }

    /** The application id the service runs under. */
    static String applicationId() throws IOException {
        return serviceStreamsSettings().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /**
     * The service's {@code kafka-streams.*} settings and application id, read from the {@code application.properties}
     * packaged in the differ's application jar (the state dir and bootstrap servers are the caller's).
     */
    static Properties serviceStreamsSettings() throws IOException {
        Properties app = new Properties();
        try (Reader in = new InputStreamReader(differResource("application.properties"), StandardCharsets.UTF_8)) {
            app.load(in);
        }
        Properties streams = new Properties();
        for (String name : app.stringPropertyNames()) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String key = name.substring(PREFIX.length());
            String value = app.getProperty(name);
            if (key.equals(StreamsConfig.STATE_DIR_CONFIG) || key.equals(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                continue;
            }
            if (value.contains("${")) {
                throw new IllegalStateException("cannot mirror " + name + "=" + value + " in the driver");
            }
            streams.put(key, value);
        }
        String applicationId = app.getProperty("quarkus.kafka-streams.application-id");
        if (applicationId == null || applicationId.contains("${")) {
            throw new IllegalStateException("no plain quarkus.kafka-streams.application-id: " + applicationId);
        }
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        return streams;
    }

    /** The packaged service: {@code differ/target/quarkus-app}. */
    static Path quarkusApp() {
        Path app = ServiceProcess.projectRoot().resolve("differ/target/quarkus-app");
        if (!Files.isDirectory(app.resolve("lib/main"))) {
            throw new IllegalStateException(app + " is missing: package the differ first (./mvnw -B -o install -DskipTests)");
        }
        return app;
    }

    private static InputStream differResource(String name) throws IOException {
        for (Path jar : jars(quarkusApp().resolve("app"))) {
            try (JarFile j = new JarFile(jar.toFile())) {
                var entry = j.getJarEntry(name);
                if (entry != null) {
                    try (InputStream in = j.getInputStream(entry)) {
                        return new ByteArrayInputStream(in.readAllBytes());
                    }
                }
            }
        }
        throw new IOException(name + " is not in " + quarkusApp().resolve("app"));
    }

    /**
     * The packaged differ's classes and libraries (Quarkus' transformed classes first, as the service loads them),
     * plus the TopologyTestDriver of the same Kafka Streams version; nothing from the test's class path.
     */
    private static synchronized ClassLoader packagedDiffer() throws IOException {
        if (packaged != null) {
            return packaged;
        }
        Path app = quarkusApp();
        Path testUtils;
        try {
            testUtils = Path.of(TopologyTestDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        String version = testUtils.getFileName().toString().replaceFirst("^kafka-streams-test-utils-(.*)\\.jar$", "$1");
        List<Path> main = jars(app.resolve("lib/main"));
        if (main.stream().noneMatch(j -> j.getFileName().toString().equals("org.apache.kafka.kafka-streams-" + version + ".jar"))) {
            throw new IllegalStateException("the packaged differ does not run Kafka Streams " + version + " (the"
                    + " version of " + testUtils.getFileName() + "): align kafka-streams-test-utils in e2e/pom.xml");
        }
        List<URL> urls = new ArrayList<>();
        Path transformed = app.resolve("quarkus/transformed-bytecode.jar");
        if (Files.isRegularFile(transformed)) {
            urls.add(transformed.toUri().toURL());
        }
        for (Path jar : jars(app.resolve("app"))) {
            urls.add(jar.toUri().toURL());
        }
        for (Path jar : main) {
            // Kafka's logging goes nowhere here rather than into a JBoss LogManager nobody installed.
            if (!jar.getFileName().toString().startsWith("org.jboss.slf4j.")) {
                urls.add(jar.toUri().toURL());
            }
        }
        urls.add(testUtils.toUri().toURL());
        packaged = new URLClassLoader("packaged-differ", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return packaged;
    }

    static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /**
     * Fails unless the events classes this test writes its input with are those packaged in the differ: {@code -pl e2e}
     * takes them from the local Maven repository, which another checkout's build may have replaced.
     */
    static void requireSameEvents() throws Exception {
        Path ours = Path.of(EventJson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path theirs = jars(quarkusApp().resolve("lib/main")).stream()
                .filter(j -> j.getFileName().toString().startsWith("org.tc260watch.events-")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no events jar in the packaged differ"));
        if (!classChecksums(ours).equals(classChecksums(theirs))) {
            throw new IllegalStateException("the events classes on the test class path (" + ours + ") are not those"
                    + " packaged in the differ (" + theirs + "): the local Maven repository holds another checkout's"
                    + " build. Run ./mvnw -B -o install -DskipTests here first, or run the test in the reactor:"
                    + " ./mvnw -B -o -pl e2e -am verify -Dit.test=DifferFailoverIT -Dtest=none"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false");
        }
    }

    private static Map<String, Long> classChecksums(Path jarOrDir) throws IOException {
        Map<String, Long> crcs = new TreeMap<>();
        if (Files.isDirectory(jarOrDir)) {
            try (Stream<Path> files = Files.walk(jarOrDir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(Files.readAllBytes(f));
                    crcs.put(jarOrDir.relativize(f).toString().replace('\\', '/'), crc.getValue());
                }
            }
            return crcs;
        }
        try (JarFile jar = new JarFile(jarOrDir.toFile())) {
            jar.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> crcs.put(e.getName(), e.getCrc()));
        }
        return crcs;
    }

    @Override
    public void close() throws Exception {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            driver.getClass().getMethod("close").invoke(driver);
        } finally {
            Thread.currentThread().setContextClassLoader(caller);
        }
    }
}
