package org.tc260watch.notifier.readmodel;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.EventJson;

/** Value deserializer of {@code tc260.changes}, with the shared event JSON mapping. */
public class ChangeEventDeserializer extends ObjectMapperDeserializer<ChangeEvent> {

    public ChangeEventDeserializer() {
        super(ChangeEvent.class, EventJson.mapper());
    }
}
