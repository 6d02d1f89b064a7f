package org.tc260watch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.raft.QuorumConfig;
import org.junit.jupiter.api.Test;

import kafka.server.KafkaConfig;

class KraftServerPropertiesTest {

    private final Path dataDir = Path.of("/var/tmp/kafka-data");

    @Test
    void kafkaAcceptsTheConfigurationAsASingleNodeCombinedServer() {
        Properties properties = KraftServerProperties.of(dataDir, 19092, 19093);

        // Kafka's own validation: throws on any inconsistent listener, role or quorum setting.
        KafkaConfig config = KafkaConfig.fromProps(properties, false);

        assertThat(config.processRoles().size()).isEqualTo(2);
        assertThat(config.nodeId()).isEqualTo(1);
        Map<Integer, InetSocketAddress> voters = QuorumConfig.parseVoterConnections(config.quorumConfig().voters());
        assertThat(voters).containsOnlyKeys(1);
        assertThat(voters.get(1).getPort()).isEqualTo(19093);
        assertThat(config.logDirs()).containsExactly(dataDir.resolve("kafka-logs").toString());
    }

    @Test
    void internalTopicsFitOnOneBroker() {
        KafkaConfig config = KafkaConfig.fromProps(KraftServerProperties.of(dataDir, 19092, 19093), false);

        assertThat(config.groupCoordinatorConfig().offsetsTopicReplicationFactor()).isEqualTo((short) 1);
        assertThat(config.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 1);
        assertThat(config.getInt("transaction.state.log.min.isr")).isEqualTo(1);
        assertThat(config.groupCoordinatorConfig().classicGroupInitialRebalanceDelayMs()).isZero();
        assertThat(config.numPartitions()).isEqualTo(3);
        assertThat(config.autoCreateTopicsEnable()).isTrue();
    }

    @Test
    void clientsAreToldTheLoopbackAddressAndTheBrokerPort() {
        Properties properties = KraftServerProperties.of(dataDir, 19092, 19093);

        assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(properties.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
    }
}
