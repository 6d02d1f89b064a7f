package org.tc260watch.notifier.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.tc260watch.events.EventJson;

/** Gives Quarkus' mapper (REST, stored payloads) the same event JSON settings as the Kafka side. */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
