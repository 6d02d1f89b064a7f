package org.tc260watch.deploy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.tc260watch.deploy.KafkaBroker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: {@code @QuarkusTestResource(KafkaBrokerTestResource.class)}.
 * <p>
 * One broker per test JVM, started on first use and shared by every Quarkus start in that JVM (test profiles restart
 * Quarkus, a broker restart would cost seconds each time); it stops when the JVM exits. Its data dir is a fresh directory
 * under {@code target/} (so its {@code broker.log} survives for a look after a failed build), or under the system temp
 * dir if there is no {@code target/}.
 * <p>
 * Setting the system property {@value #BOOTSTRAP_SERVERS_PROPERTY} points the tests at an already running broker instead.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    /** JVM-wide record of the shared broker; Quarkus may load this class in several class loaders, statics are not enough. */
    public static final String BOOTSTRAP_SERVERS_PROPERTY = "tc260watch.test.kafka.bootstrap-servers";

    /*
     * String literals are interned JVM-wide, so this lock is the same object in every class loader that loads this class:
     * two Quarkus starts never launch two brokers.
     */
    private static final Object JVM_WIDE_LOCK = "org.tc260watch.deploy.testing.KafkaBrokerTestResource#broker";

    private static KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        String servers = bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", servers,
                "quarkus.kafka-streams.bootstrap-servers", servers,
                "quarkus.kafka.devservices.enabled", "false");
    }

    /** The broker outlives this Quarkus start: the next one in this JVM uses it too. It stops with the JVM. */
    @Override
    public void stop() {
    }

    /** {@code host:port} of the shared broker, started if it is not running yet; for tests that create their own clients. */
    public static String bootstrapServers() {
        synchronized (JVM_WIDE_LOCK) {
            String servers = System.getProperty(BOOTSTRAP_SERVERS_PROPERTY);
            if (servers == null) {
                broker = KafkaBroker.start(freshDataDir());
                servers = broker.bootstrapServers();
                System.setProperty(BOOTSTRAP_SERVERS_PROPERTY, servers);
            }
            return servers;
        }
    }

    private static Path freshDataDir() {
        try {
            Path target = Path.of("target");
            Path parent = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "kafka-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data dir for the test Kafka broker", e);
        }
    }
}
