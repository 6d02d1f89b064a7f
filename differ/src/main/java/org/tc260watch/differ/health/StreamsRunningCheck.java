package org.tc260watch.differ.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: UP only while Kafka Streams is RUNNING, i.e. this instance owns its tasks and its stores are restored.
 * Quarkus's own checks cover the rest: liveness "Kafka Streams state health check" (UP while RUNNING or REBALANCING,
 * so a rebalance never restarts the instance) and readiness "Kafka Streams topics health check" (the input topics
 * exist). REBALANCING counts as not ready: the instance's tasks are being moved and restored, and its interactive
 * queries may miss standards; a rebalance lasts seconds, shorter than a probe's failure threshold.
 */
@Readiness
@ApplicationScoped
public class StreamsRunningCheck implements HealthCheck {

    static final String NAME = "tc260-streams-running";

    private final KafkaStreams streams;

    @Inject
    public StreamsRunningCheck(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named(NAME).status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name()).build();
    }
}
