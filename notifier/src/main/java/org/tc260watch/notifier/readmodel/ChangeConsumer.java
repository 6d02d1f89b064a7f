package org.tc260watch.notifier.readmodel;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.notifier.delivery.DeliverySender;
import org.tc260watch.notifier.monitoring.NotifierMetrics;
import org.tc260watch.notifier.storage.Durability;
import org.tc260watch.notifier.storage.StorageRetry;

/**
 * Reads {@code tc260.changes}. One record at a time, in order: stored with its deliveries, written to disk
 * ({@link Durability}), then the sender is woken. The offset is committed only after that, so a crash means a
 * redelivery, which {@link ChangeRecorder} ignores, never a change lost. A change that cannot be stored because the database fails is retried in place (the partition waits)
 * rather than dead-lettered: the change is fine, and a dead-lettered one would never reach its subscribers.
 */
@ApplicationScoped
public class ChangeConsumer {

    /** The channel bound to {@code tc260.changes} in application.properties. */
    public static final String CHANGES_CHANNEL = "changes";

    private static final Logger LOG = Logger.getLogger(ChangeConsumer.class);

    private final ChangeRecorder recorder;
    private final DeliverySender sender;
    private final StorageRetry storage;
    private final NotifierMetrics metrics;

    @Inject
    public ChangeConsumer(ChangeRecorder recorder, DeliverySender sender, Durability durability,
            NotifierMetrics metrics) {
        this(recorder, sender, new StorageRetry(durability, StorageRetry.DEFAULT_BACKOFF), metrics);
    }

    ChangeConsumer(ChangeRecorder recorder, DeliverySender sender, StorageRetry storage, NotifierMetrics metrics) {
        this.recorder = recorder;
        this.sender = sender;
        this.storage = storage;
        this.metrics = metrics;
    }

    @Incoming(CHANGES_CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, ChangeEvent> record) {
        ChangeEvent event = record.value();
        if (event == null) {
            // Unreadable JSON never gets here (it goes to the dead-letter topic); a null value carries nothing.
            LOG.warnf("Skipping empty record %s-%d offset %d", record.topic(), record.partition(), record.offset());
            return;
        }
        String problem = problemOf(event);
        if (problem != null) {
            LOG.warnf("Skipping unusable change %s-%d offset %d: %s. It goes to the dead-letter topic.",
                    record.topic(), record.partition(), record.offset(), problem);
            // Thrown so that the failure strategy (dead-letter queue) keeps the record.
            throw new UnusableChangeException(problem);
        }
        int deliveries = storage.untilStored("change " + event.id() + " (" + record.topic() + "-" + record.partition()
                + " offset " + record.offset() + ")", () -> recorder.record(event));
        metrics.changeReceived(event.type(), deliveries >= 0);
        if (deliveries < 0) {
            LOG.debugf("Change %s seen again (offset %d); nothing to do", event.id(), record.offset());
            return;
        }
        LOG.infof("Stored change %s (%s, %s), %d deliveries queued", event.id(), event.type().wireName(),
                event.standardKey(), deliveries);
        if (deliveries > 0) {
            sender.wake();
        }
    }

    private static String problemOf(ChangeEvent event) {
        if (event.id() == null || event.id().isBlank()) {
            return "no id";
        }
        if (event.id().length() > 255) {
            return "id longer than 255 characters";
        }
        if (event.type() == null) {
            return "no type";
        }
        return null;
    }

    /** A change that was readable JSON but cannot be stored. */
    public static class UnusableChangeException extends RuntimeException {
        public UnusableChangeException(String message) {
            super(message);
        }
    }
}
