package org.tc260watch.differ.topology;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.tc260watch.events.ChangeCloudEvents;
import org.tc260watch.events.ChangeEvent;

/**
 * Writes a change as a CloudEvent in binary mode ({@link ChangeCloudEvents}): the attributes go into the record's
 * headers, the value is the change's JSON exactly as {@link JsonSerde} writes it, so readers of the value need not know
 * about CloudEvents. The SDK adds to the headers it is given: the topology's processors give each change new, empty
 * ones, so no input record's headers come along.
 */
final class ChangeCloudEventSerializer implements Serializer<ChangeEvent> {

    private static final URI SOURCE = URI.create(ChangeCloudEvents.SOURCE);
    private static final URI DATA_SCHEMA = URI.create(ChangeCloudEvents.DATA_SCHEMA);

    private final Serializer<ChangeEvent> json = JsonSerde.of(ChangeEvent.class).serializer();
    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    ChangeCloudEventSerializer() {
        cloudEvents.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY), false);
    }

    @Override
    public byte[] serialize(String topic, ChangeEvent change) {
        throw new UnsupportedOperationException("a CloudEvent in binary mode needs the record's headers");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, ChangeEvent change) {
        if (change == null) {
            return null;
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId(change.id())
                .withType(ChangeCloudEvents.type(change.type()))
                .withSource(SOURCE)
                .withSubject(change.standardKey())
                .withTime(change.detectedAt().atOffset(ZoneOffset.UTC))
                .withDataSchema(DATA_SCHEMA)
                .withDataContentType(ChangeCloudEvents.CONTENT_TYPE)
                .withData(json.serialize(topic, change))
                .build();
        return cloudEvents.serialize(topic, headers, event);
    }
}
