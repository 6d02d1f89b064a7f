package org.tc260watch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tc260watch.deploy.KafkaBroker;
import org.tc260watch.e2e.DifferDriver.Change;
import org.tc260watch.e2e.StandardsLife.Step;
import org.tc260watch.events.ChangeCloudEvents;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.Topics;

/**
 * The copy-paste consumers of {@code docs/kafka-contract.md}, run as the page says, against the packaged differ on a
 * real broker: the console consumer command and the single-file Java program, both taken from the page (the program
 * from {@code docs/examples}, which the page shows verbatim). Both must show every change of a short scripted life
 * with its CloudEvents headers. A Kafka distribution's {@code libs/} is the broker's own class path here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaContractIT {

    /** The steps of {@link StandardsLife} to publish: the baseline and two steps with new standards. */
    private static final int STEPS = 3;
    private static final String DOCUMENTED_SERVERS = "localhost:9092";
    private static final String CONSOLE_SCRIPT = "bin/kafka-console-consumer.sh";
    /** What the console script runs. */
    private static final String CONSOLE_CLASS = "org.apache.kafka.tools.consumer.ConsoleConsumer";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Path work;
    private KafkaBroker broker;
    private ServiceProcess differ;
    private final List<Process> consumers = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        work = Files.createDirectories(Path.of("target", "kafka-contract-" + System.currentTimeMillis())).toAbsolutePath();
        DifferDriver.requireSameEvents();
        broker = KafkaBroker.start(work.resolve("kafka"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        differ = ServiceProcess.start("differ", port, Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "TC260_DATA_DIR", work.resolve("differ").toString()), work.resolve("logs"));
        differ.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() throws Exception {
        for (Process p : consumers) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (differ != null) {
            differ.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theDocumentedConsumersShowEveryChangeWithItsCloudEventsHeaders() throws Exception {
        List<Step> script = StandardsLife.script().subList(0, STEPS);
        long base = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        List<Change> expected = new ArrayList<>();
        try (DifferDriver driver = new DifferDriver(work.resolve("driver"))) {
            for (Step step : script) {
                expected.addAll(driver.pipe(step.messages(), base));
            }
        }
        assertThat(expected).extracting(Change::type).as("the script tells standards and sources")
                .contains(ChangeType.SOURCE_BASELINED.wireName(), ChangeType.STANDARD_ADDED.wireName());
        try (KafkaProducer<String, String> producer = StandardsLife.producer(broker.bootstrapServers())) {
            for (Step step : script) {
                StandardsLife.publish(producer, step, base);
            }
        }
        awaitOnTopic(expected);

        String page = Files.readString(ServiceProcess.projectRoot().resolve("docs/kafka-contract.md"));
        assertConsoleConsumer(documentedCommand(page, CONSOLE_SCRIPT), expected);
        assertJavaConsumer(documentedCommand(page, "java -cp"), expected);
    }

    /** The console command, with the class its script runs and this broker; it stops after the expected records. */
    private void assertConsoleConsumer(List<String> documented, List<Change> expected) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", KafkaBroker.distributionClasspath(), CONSOLE_CLASS));
        documented.subList(1, documented.size()).stream().map(this::here).forEach(command::add);
        command.addAll(List.of("--max-messages", Integer.toString(expected.size()), "--timeout-ms", "30000"));
        Process console = run(command, "console-consumer");
        assertThat(console.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("console consumer finished").isTrue();
        List<String> lines = Files.readAllLines(work.resolve("console-consumer.out"));

        assertThat(lines).as("one line per record").hasSameSizeAs(expected);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            // headers TAB key TAB value, as print.headers and print.key ask.
            String[] parts = line.split("\t", 3);
            assertThat(parts).as(line).hasSize(3);
            Change change = Change.parse(parts[2]);
            ids.add(change.id());
            assertThat(parts[1]).isEqualTo(change.standardKey());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header : parts[0].split(",")) {
                String[] nameValue = header.split(":", 2);
                assertThat(headers.put(nameValue[0], nameValue[1])).as("twice: %s", line).isNull();
            }
            assertThat(headers).as(line).containsOnlyKeys(ChangeCloudEvents.HEADERS).contains(
                    entry(ChangeCloudEvents.SPEC_VERSION_HEADER, ChangeCloudEvents.SPEC_VERSION),
                    entry(ChangeCloudEvents.ID_HEADER, change.id()),
                    entry(ChangeCloudEvents.TYPE_HEADER, ChangeCloudEvents.TYPE_PREFIX + change.type()),
                    entry(ChangeCloudEvents.SOURCE_HEADER, ChangeCloudEvents.SOURCE),
                    entry(ChangeCloudEvents.SUBJECT_HEADER, change.standardKey()),
                    entry(ChangeCloudEvents.DATA_SCHEMA_HEADER, ChangeCloudEvents.DATA_SCHEMA),
                    entry(ChangeCloudEvents.CONTENT_TYPE_HEADER, ChangeCloudEvents.CONTENT_TYPE));
            assertThat(OffsetDateTime.parse(headers.get(ChangeCloudEvents.TIME_HEADER)).toInstant()).as(line)
                    .isEqualTo(Instant.parse(EventJson.mapper().readTree(parts[2]).get("detectedAt").asText()));
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected.stream().map(Change::id).toList());
    }

    /** The Java program, from the documented file, with this broker; it runs until it has printed every change. */
    private void assertJavaConsumer(List<String> documented, List<Change> expected) throws Exception {
        assertThat(documented.subList(0, 2)).containsExactly("java", "-cp");
        List<String> command = new ArrayList<>(List.of(java(), "-cp", KafkaBroker.distributionClasspath()));
        documented.subList(3, documented.size()).stream().map(this::here).forEach(command::add);
        Process program = run(command, "java-consumer");
        Path out = work.resolve("java-consumer.out");
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<String> lines = List.of();
        while (Instant.now().isBefore(deadline) && program.isAlive() && lines.size() < expected.size()) {
            Thread.sleep(250);
            lines = Files.readAllLines(out);
        }
        assertThat(program.isAlive()).as("still reading: %s", Files.readString(work.resolve("java-consumer.err")))
                .isTrue();
        Thread.sleep(1000); // nothing more comes
        lines = Files.readAllLines(out);
        program.destroy();

        List<String> wanted = expected.stream().map(c -> String.join("\t", c.id(), ChangeCloudEvents.TYPE_PREFIX + c.type(),
                c.standardKey(), title(c))).toList();
        assertThat(lines).containsExactlyInAnyOrderElementsOf(wanted);
    }

    private static String title(Change change) {
        try {
            return EventJson.mapper().readTree(change.json()).path("state").path("title").asText("-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the differ has committed every expected change (read_committed), so the consumers find them all. */
    private void awaitOnTopic(List<Change> expected) {
        Set<String> missing = new HashSet<>(expected.stream().map(Change::id).toList());
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract-it-observer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of(Topics.CHANGES));
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
                reader.poll(Duration.ofMillis(250)).forEach(r -> missing.remove(Change.parse(r.value()).id()));
            }
        }
        assertThat(missing).as("changes the differ did not write:\n%s", differ.tail()).isEmpty();
    }

    /** The one documented command line (in a {@code sh} block) that starts with {@code start}, split into words. */
    static List<String> documentedCommand(String page, String start) {
        Matcher blocks = Pattern.compile("^```sh\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL).matcher(page);
        List<List<String>> found = new ArrayList<>();
        while (blocks.find()) {
            for (String line : blocks.group(1).split("\n")) {
                if (line.startsWith(start)) {
                    found.add(List.of(line.trim().replace("'", "").split("\\s+")));
                }
            }
        }
        assertThat(found).as("command starting with %s", start).hasSize(1);
        return found.get(0);
    }

    /** A documented argument as it applies to this test: this broker instead of the documented one. */
    private String here(String argument) {
        return argument.equals(DOCUMENTED_SERVERS) ? broker.bootstrapServers() : argument;
    }

    /** Runs in the project root, as the page's relative paths expect; output in {@code <name>.out} and {@code .err}. */
    private Process run(List<String> command, String name) throws IOException {
        Process p = new ProcessBuilder(command).directory(ServiceProcess.projectRoot().toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile())
                .start();
        consumers.add(p);
        Files.writeString(work.resolve(name + ".command"), String.join(" ", command), StandardCharsets.UTF_8);
        return p;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
