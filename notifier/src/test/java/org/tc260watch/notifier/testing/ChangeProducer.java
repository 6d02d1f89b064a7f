package org.tc260watch.notifier.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.Topics;

/**
 * Publishes to {@code tc260.changes} and {@code tc260.standards} on the test broker the way the differ does: key =
 * standard key, JSON value.
 */
public final class ChangeProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    public RecordMetadata send(ChangeEvent event) {
        try {
            return sendRaw(event.standardKey(), EventJson.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public RecordMetadata sendRaw(String key, String value) {
        return sendTo(Topics.CHANGES, key, value);
    }

    /** A standard's current state to the compacted {@code tc260.standards}, keyed by its key, as the differ does. */
    public RecordMetadata sendState(StandardState state) {
        try {
            return sendTo(Topics.STANDARDS, state.key(), EventJson.mapper().writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tombstone the differ writes for a key a standard no longer has. */
    public RecordMetadata sendTombstone(String key) {
        return sendTo(Topics.STANDARDS, key, null);
    }

    private RecordMetadata sendTo(String topic, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
