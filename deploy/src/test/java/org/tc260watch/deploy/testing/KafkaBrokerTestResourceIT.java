package org.tc260watch.deploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class KafkaBrokerTestResourceIT {

    @Test
    void givesQuarkusTheBrokerAddressForMessagingAndStreamsWithoutDevServices() throws Exception {
        Map<String, String> config = new KafkaBrokerTestResource().start();

        assertThat(config).containsOnlyKeys(
                "kafka.bootstrap.servers", "quarkus.kafka-streams.bootstrap-servers", "quarkus.kafka.devservices.enabled");
        assertThat(config.get("kafka.bootstrap.servers")).matches("127\\.0\\.0\\.1:\\d+")
                .isEqualTo(KafkaBrokerTestResource.bootstrapServers());
        assertThat(config.get("quarkus.kafka-streams.bootstrap-servers")).isEqualTo(config.get("kafka.bootstrap.servers"));
        assertThat(config.get("quarkus.kafka.devservices.enabled")).isEqualTo("false");
        assertThat(clusterSize(config.get("kafka.bootstrap.servers"))).isEqualTo(1);
    }

    @Test
    void everyQuarkusStartSharesOneBrokerThatOutlivesStop() throws Exception {
        KafkaBrokerTestResource first = new KafkaBrokerTestResource();
        String servers = first.start().get("kafka.bootstrap.servers");
        first.stop();

        KafkaBrokerTestResource second = new KafkaBrokerTestResource();
        assertThat(second.start().get("kafka.bootstrap.servers")).isEqualTo(servers);
        second.stop();

        assertThat(clusterSize(servers)).isEqualTo(1);
    }

    private static int clusterSize(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
        }
    }
}
