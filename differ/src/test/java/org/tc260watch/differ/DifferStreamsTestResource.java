package org.tc260watch.differ;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

/** A fresh application id and state directory per Quarkus start: Kafka Streams restarts hang on reused ones. */
public class DifferStreamsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "quarkus.kafka-streams.application-id", "tc260-differ-it-" + UUID.randomUUID(),
                    "kafka-streams.state.dir", Files.createTempDirectory("differ-state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
