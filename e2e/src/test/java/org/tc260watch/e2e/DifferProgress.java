package org.tc260watch.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tc260watch.e2e.DifferDriver.Change;
import org.tc260watch.events.Topics;

/**
 * What the packaged differ (however many instances) has done with the input published so far, seen from outside:
 * the records of {@link Topics#CHANGES} (read_committed) and the group's committed positions. The tests that publish
 * {@link StandardsLife} step by step wait with it until a step is fully processed before the next one, so that the
 * real run sees the steps in the order the {@link DifferDriver} does.
 */
final class DifferProgress {

    private final Admin admin;
    private final String bootstrapServers;
    private final String applicationId;

    DifferProgress(Admin admin, String bootstrapServers, String applicationId) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
    }

    /** A reader of the whole change topic from its beginning, committed records only. */
    KafkaConsumer<String, String> changesReader() {
        KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = c.partitionsFor(Topics.CHANGES).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        return c;
    }

    /**
     * Until every change due so far is on the topic (read_committed) and the differ's group has committed its
     * position at the end of every partition it reads (input and internal topics alike). Adds what it reads to
     * {@code seen}.
     *
     * @param describe    how a missing change id is named in the failure
     * @param diagnostics appended to the failure (the services' logs)
     */
    void awaitProcessed(KafkaConsumer<String, String> reader, List<Change> seen, Set<String> due, String what,
            Duration timeout, Function<String, String> describe, Supplier<String> diagnostics) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String lag = "?";
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                seen.add(Change.parse(r.value()));
            }
            Set<String> missing = new HashSet<>(due);
            seen.forEach(c -> missing.remove(c.id()));
            if (missing.isEmpty()) {
                lag = groupLag();
                if (lag.isEmpty()) {
                    return;
                }
            } else {
                lag = "not on the topic yet: " + missing.stream().map(describe).sorted().toList();
            }
        }
        throw new AssertionError(what + " not processed after " + timeout + ": " + lag + "; told twice so far: "
                + duplicated(seen) + "\n" + diagnostics.get());
    }

    /** The partitions where the differ's committed offset is behind the end; empty when there are none. */
    String groupLag() throws Exception {
        // Committed offsets first, end offsets second: an end reached then was reached by everything committed before.
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        Set<TopicPartition> read = new HashSet<>(committed.keySet());
        for (String topic : List.of(Topics.SNAPSHOTS, Topics.SCRAPE_RUNS)) {
            for (int p = 0; p < StandardsLife.PARTITIONS; p++) {
                read.add(new TopicPartition(topic, p));
            }
        }
        Map<TopicPartition, OffsetSpec> latest = read.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> lag = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        admin.listOffsets(latest).all().get().forEach((p, end) -> {
            OffsetAndMetadata c = committed.get(p);
            long behind = end.offset() - (c == null ? 0 : c.offset());
            if (behind > 0) {
                lag.put(p, behind);
            }
        });
        return lag.isEmpty() ? "" : "group " + applicationId + " behind " + lag;
    }

    /** Every committed record of the change topic, from the beginning until the end and a quiet second. */
    List<Change> readAllChanges() {
        List<Change> all = new ArrayList<>();
        try (KafkaConsumer<String, String> c = changesReader()) {
            Map<TopicPartition, Long> end = c.endOffsets(c.assignment());
            int quiet = 0;
            Instant deadline = Instant.now().plusSeconds(60);
            while (quiet < 5 && Instant.now().isBefore(deadline)) {
                int n = 0;
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    all.add(Change.parse(r.value()));
                    n++;
                }
                boolean atEnd = end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
                quiet = n == 0 && atEnd ? quiet + 1 : 0;
            }
        }
        return all;
    }

    /** Ids told more than once, with their counts. */
    static Map<String, Long> duplicated(List<Change> changes) {
        Map<String, Long> counts = changes.stream()
                .collect(Collectors.groupingBy(Change::id, java.util.LinkedHashMap::new, Collectors.counting()));
        counts.values().removeIf(n -> n < 2);
        return counts;
    }
}
