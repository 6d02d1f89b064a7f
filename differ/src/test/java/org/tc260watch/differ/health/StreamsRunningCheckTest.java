package org.tc260watch.differ.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.tc260watch.differ.topology.DifferTopology;

/** Readiness before start and after close, on a real (never started) KafkaStreams; RUNNING is DifferIT's. */
class StreamsRunningCheckTest {

    @Test
    void notReadyBeforeStartNorAfterClose() throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "differ-check-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("differ-check").toString());
        KafkaStreams streams = new KafkaStreams(DifferTopology.build(1), props);
        StreamsRunningCheck check = new StreamsRunningCheck(streams);

        HealthCheckResponse created = check.call();
        assertThat(created.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(created.getData().orElseThrow()).containsEntry("state", "CREATED");

        streams.close();
        HealthCheckResponse closed = check.call();
        assertThat(closed.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(closed.getData().orElseThrow()).containsEntry("state", "NOT_RUNNING");
    }
}
