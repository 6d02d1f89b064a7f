package org.tc260watch.scraper.publish;

import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;
import org.tc260watch.events.EventJson;

/** Kafka value serializer for the event records, with the shared event JSON mapping. */
public class EventSerializer extends ObjectMapperSerializer<Object> {

    public EventSerializer() {
        super(EventJson.mapper());
    }
}
