package org.tc260watch.notifier.readmodel;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.StandardState;

/** Value deserializer of {@code tc260.standards}, with the shared event JSON mapping; a tombstone reads as null. */
public class StandardStateDeserializer extends ObjectMapperDeserializer<StandardState> {

    public StandardStateDeserializer() {
        super(StandardState.class, EventJson.mapper());
    }
}
