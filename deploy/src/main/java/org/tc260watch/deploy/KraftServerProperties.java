package org.tc260watch.deploy;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code server.properties} of a single-node KRaft broker (broker and controller in one process) on 127.0.0.1.
 * Sized for tests and a local run: one replica everywhere, few internal partitions, no rebalance delay.
 */
public final class KraftServerProperties {

    public static final int NODE_ID = 1;
    public static final String HOST = "127.0.0.1";
    public static final String BROKER_LISTENER = "PLAINTEXT";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KraftServerProperties() {
    }

    /** The directory under the data dir that holds the partitions and the metadata log. */
    public static Path logDir(Path dataDir) {
        return dataDir.resolve("kafka-logs");
    }

    public static Properties of(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        // Static voters: the controller port may change between restarts without reformatting.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("listeners",
                BROKER_LISTENER + "://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + port);
        p.setProperty("inter.broker.listener.name", BROKER_LISTENER);
        p.setProperty("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("log.dirs", logDir(dataDir).toString());

        // One broker: every internal topic must live with a single replica, or transactions and groups never start.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("default.replication.factor", "1");
        // Fewer internal partitions than the default 50: the first group join and transaction start much faster.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");

        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        // The default 128 MiB compaction buffer would take a quarter of the child's heap.
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }
}
