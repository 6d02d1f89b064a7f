package org.tc260watch.scraper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tc260watch.scraper.publish.SnapshotPublisher;
import org.tc260watch.scraper.sim.InjectTc260Simulator;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.sim.Tc260SimulatorTestResource;

/** With no broker to talk to, a poll still reads the site, then answers 503, and the service keeps running. */
@QuarkusTest
@TestProfile(BrokerDownIT.NoBroker.class)
@WithTestResource(Tc260SimulatorTestResource.class)
@WithTestResource(AdminTokenTestResource.class)
class BrokerDownIT {

    @InjectTc260Simulator
    Tc260Simulator site;

    @Test
    void answers503AndStaysUp() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            given().header("Authorization", "Bearer " + AdminTokenTestResource.TOKEN)
                    .when().post("/admin/poll")
                    .then().statusCode(503)
                    .body("error", equalTo("kafka-unavailable"))
                    .body("message", containsString("Kafka did not acknowledge"));
        }
        assertThat(site.requests("/portal/suggestion")).hasSize(2);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    /** Points the producers at a port nobody listens on, with short time limits. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String channels = "mp.messaging.outgoing.";
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "tc260.publish-timeout", "5s",
                    "quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR",
                    channels + SnapshotPublisher.SNAPSHOTS_CHANNEL + ".max.block.ms", "2000",
                    channels + SnapshotPublisher.SCRAPE_RUNS_CHANNEL + ".max.block.ms", "2000");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
