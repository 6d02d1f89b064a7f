package org.tc260watch.notifier.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.Topics;
import org.tc260watch.notifier.delivery.RetryBackoff;
import org.tc260watch.notifier.monitoring.NotifierMetrics;
import org.tc260watch.notifier.storage.Durability;
import org.tc260watch.notifier.storage.StorageRetry;

class ChangeConsumerTest {

    private static final ChangeEvent CHANGE = new ChangeEvent("c1", ChangeType.STANDARD_ADDED, "GB/T 1-2026", null,
            List.of(), Instant.parse("2026-09-01T00:00:00Z"), List.of());

    /** PostgreSQL's commits are durable as they are: nothing to flush, no data source needed. */
    private static final Durability NO_DISK = new Durability(null, "postgresql");

    /** Fails {@code failures} times as a broken database would, then stores. */
    private static final class FlakyRecorder extends ChangeRecorder {
        private int failures;
        private final List<String> stored = new ArrayList<>();

        FlakyRecorder(int failures) {
            super(null, null, null, null);
            this.failures = failures;
        }

        @Override
        public int record(ChangeEvent event) {
            if (failures-- > 0) {
                throw new IllegalStateException("database is down");
            }
            stored.add(event.id());
            return 0;
        }
    }

    private static ConsumerRecord<String, ChangeEvent> record(ChangeEvent event) {
        return new ConsumerRecord<>(Topics.CHANGES, 0, 7L, event == null ? null : event.standardKey(), event);
    }

    @Test
    void aDatabaseFailureIsRetriedInPlaceUntilTheChangeIsStored() {
        FlakyRecorder recorder = new FlakyRecorder(3);
        MeterRegistry registry = new SimpleMeterRegistry();
        new ChangeConsumer(recorder, null,
                new StorageRetry(NO_DISK, new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(4))),
                new NotifierMetrics(registry, "eml"))
                .consume(record(CHANGE));
        assertThat(recorder.stored).containsExactly("c1");
        // Counted once, when stored, not once per failed try.
        assertThat(registry.get("tc260.changes.received").tags("type", "standard.added", "result", "stored")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void aChangeWithoutIdIsRefusedForTheDeadLetterTopicAndNotRetried() {
        FlakyRecorder recorder = new FlakyRecorder(0);
        ChangeEvent noId = new ChangeEvent(" ", ChangeType.STANDARD_ADDED, "k", null, List.of(), Instant.EPOCH, List.of());
        assertThatThrownBy(() -> new ChangeConsumer(recorder, null,
                new StorageRetry(NO_DISK, StorageRetry.DEFAULT_BACKOFF), new NotifierMetrics(new SimpleMeterRegistry(),
                "eml")).consume(record(noId)))
                .isInstanceOf(ChangeConsumer.UnusableChangeException.class);
        assertThat(recorder.stored).isEmpty();
    }
}
