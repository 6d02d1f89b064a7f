package org.tc260watch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path sharedDir;
    private static KafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(sharedDir.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void recordsGoThroughATopicInOrderPerKey() throws Exception {
        String topic = "it.plain." + UUID.randomUUID();
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "standard-" + (i % 2), "value-" + i)).get(30, TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<String, String>> records = consume(broker, topic, 10, Map.of());

        assertThat(records).hasSize(10);
        assertThat(records.stream().filter(r -> r.key().equals("standard-0")).map(ConsumerRecord::value))
                .containsExactly("value-0", "value-2", "value-4", "value-6", "value-8");
        assertThat(records.stream().map(ConsumerRecord::partition).distinct())
                .allMatch(p -> p >= 0 && p < 3);
    }

    @Test
    void topicsAreCreatedOnFirstUseWithThreePartitions() throws Exception {
        String topic = "it.auto." + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
        }
        try (Admin admin = admin(broker)) {
            assertThat(admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions()).hasSize(3);
        }
    }

    @Test
    void readCommittedConsumersSeeCommittedTransactionsOnly() throws Exception {
        String topic = "it.tx." + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(broker,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "aborted-1"));
            producer.send(new ProducerRecord<>(topic, "a", "aborted-2"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "a", "committed-2"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> records = consume(broker, topic, 2,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));

        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2");
    }

    @Test
    void restartOnTheSameDataDirKeepsTopicsAndRecords() throws Exception {
        Path data = dir.resolve("restart");
        String topic = "it.restart";
        int port;
        try (KafkaBroker first = KafkaBroker.start(data)) {
            port = Integer.parseInt(first.bootstrapServers().substring(first.bootstrapServers().indexOf(':') + 1));
            try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
                producer.send(new ProducerRecord<>(topic, "k", "before-restart")).get(30, TimeUnit.SECONDS);
            }
        }

        try (KafkaBroker second = KafkaBroker.start(data, port)) {
            assertThat(second.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            try (KafkaProducer<String, String> producer = producer(second, Map.of())) {
                producer.send(new ProducerRecord<>(topic, "k", "after-restart")).get(30, TimeUnit.SECONDS);
            }
            assertThat(consume(second, topic, 2, Map.of())).extracting(ConsumerRecord::value)
                    .containsExactly("before-restart", "after-restart");
        }
        String log = Files.readString(data.resolve(KafkaBroker.LOG_FILE));
        assertThat(occurrences(log, KafkaBroker.READY_PREFIX + "127.0.0.1:" + port)).isEqualTo(2);
        assertThat(occurrences(log, "Formatting metadata directory")).as("formatted on first start only").isEqualTo(1);
    }

    @Test
    void closeStopsTheChildAndKeepsItsLog() throws Exception {
        Path data = dir.resolve("close");
        KafkaBroker started = KafkaBroker.start(data);
        long pid = started.pid();
        assertThat(Files.readString(data.resolve(KafkaBroker.PID_FILE)).strip()).isEqualTo(String.valueOf(pid));

        started.close();

        assertThat(started.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(data.resolve(KafkaBroker.PID_FILE)).doesNotExist();
        assertThat(Files.readString(data.resolve(KafkaBroker.LOG_FILE)))
                .contains(KafkaBroker.READY_PREFIX + started.bootstrapServers());
    }

    @Test
    void aBusyPortFailsWithTheBrokersOwnExplanation() throws Exception {
        Path data = dir.resolve("busy");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> KafkaBroker.start(data, taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with status 1")
                    .hasMessageContaining("last lines:")
                    .hasMessageContaining("Address already in use")
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void theChildDiesWithItsParentEvenAfterKillNine() throws Exception {
        Path data = dir.resolve("orphan");
        // Only the deploy classes: the parent side must do without Kafka's jars.
        String classpath = KafkaBroker.launcherLocation() + File.pathSeparator
                + Path.of(BrokerParentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, BrokerParentMain.class.getName(), data.toString())
                .redirectError(dir.resolve("parent.err").toFile())
                .start();
        long childPid = -1;
        try {
            childPid = readChildPid(parent);
            assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).contains(true);
            assertThat(parent.toHandle().children().map(ProcessHandle::pid)).contains(childPid);

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive))
                    .as("broker child %d after its parent was killed", childPid)
                    .isNotEqualTo(Optional.of(true));
            // Removed by the child's shutdown hook: it stopped Kafka cleanly rather than dying on a broken pipe.
            assertThat(data.resolve(KafkaBroker.PID_FILE)).doesNotExist();
        } finally {
            parent.destroyForcibly();
            if (childPid > 0) {
                ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static long readChildPid(Process parent) throws Exception {
        CompletableFuture<Long> pid = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(BrokerParentMain.CHILD_PID_PREFIX)) {
                        return Long.parseLong(line.substring(BrokerParentMain.CHILD_PID_PREFIX.length()).strip());
                    }
                }
                throw new IllegalStateException("the parent JVM ended without starting a broker");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return pid.get(100, TimeUnit.SECONDS);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consume(KafkaBroker broker, String topic, int expected,
            Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        config.putAll(extra);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // One more poll: more records than expected would be a failure too.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
