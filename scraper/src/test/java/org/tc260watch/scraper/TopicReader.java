package org.tc260watch.scraper;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Topics;

/**
 * Reads the scraper's topics from the beginning up to their current end with a plain consumer. The admin endpoint
 * answers only after Kafka acknowledged everything, so "up to the current end" holds the whole poll.
 */
final class TopicReader {

    private final String bootstrapServers;

    TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    List<ConsumerRecord<String, Snapshot>> snapshots(String runId) {
        return read(Topics.SNAPSHOTS, Snapshot.class).stream().filter(r -> r.value().runId().equals(runId)).toList();
    }

    List<ConsumerRecord<String, ScrapeRun>> runs(String runId) {
        return read(Topics.SCRAPE_RUNS, ScrapeRun.class).stream().filter(r -> r.value().runId().equals(runId)).toList();
    }

    private <T> List<ConsumerRecord<String, T>> read(String topic, Class<T> type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "scraper-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, T>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + end);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(),
                            r.timestampType(), r.serializedKeySize(), r.serializedValueSize(), r.key(),
                            parse(r.value(), type), r.headers(), r.leaderEpoch()));
                }
            }
            return records;
        }
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
        }
    }
}
