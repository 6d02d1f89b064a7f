package org.tc260watch.notifier.readmodel;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.storage.Durability;
import org.tc260watch.notifier.storage.StorageRetry;

/**
 * Reads the compacted {@code tc260.standards} into the {@code standard} table (the catalogue, the standard pages, the
 * deadline calendar). The offset is committed after the row is stored; a replay is harmless ({@link StandardRecorder}
 * is idempotent). A database failure is retried in place ({@link StorageRetry}): the catalogue must not silently miss
 * a standard.
 */
@ApplicationScoped
public class StandardConsumer {

    /** The channel bound to {@code tc260.standards} in application.properties. */
    public static final String STANDARDS_CHANNEL = "standards";

    private static final Logger LOG = Logger.getLogger(StandardConsumer.class);

    private final StandardRecorder recorder;
    private final StorageRetry storage;

    public StandardConsumer(StandardRecorder recorder, Durability durability) {
        this.recorder = recorder;
        this.storage = new StorageRetry(durability, StorageRetry.DEFAULT_BACKOFF);
    }

    @Incoming(STANDARDS_CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, StandardState> record) {
        if (record.key() == null) {
            LOG.warnf("Skipping keyless record %s-%d offset %d", record.topic(), record.partition(), record.offset());
            return;
        }
        StandardState state = record.value();
        StandardRecorder.Outcome outcome = storage.untilStored("standard " + record.key() + " (" + record.topic() + "-"
                + record.partition() + " offset " + record.offset() + ")", () -> recorder.apply(record.key(), state));
        LOG.debugf("Standard %s (offset %d): %s", record.key(), record.offset(), outcome);
    }
}
