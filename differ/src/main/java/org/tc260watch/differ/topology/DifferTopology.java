package org.tc260watch.differ.topology;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.tc260watch.differ.config.DifferConfig;
import org.tc260watch.differ.detect.ClosingReminders;
import org.tc260watch.differ.detect.SourceBaseline;
import org.tc260watch.differ.identity.StandardKeys;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.Topics;

/**
 * Snapshots (by item) → repartitioned by standard key → {@link StandardProcessor} (state store {@value #STANDARDS_STORE})
 * → new states to {@link Topics#STANDARDS}, detected changes repartitioned by source → merged with scrape runs →
 * {@link BaselineGateProcessor} (state store {@value #SOURCES_STORE}) → {@link Topics#CHANGES}.
 */
@ApplicationScoped
public class DifferTopology {

    public static final String STANDARDS_STORE = "standards";
    public static final String SOURCES_STORE = "sources";
    public static final String REMINDERS_STORE = "reminders";

    static final Serde<Snapshot> SNAPSHOT = JsonSerde.of(Snapshot.class);
    static final Serde<ScrapeRun> SCRAPE_RUN = JsonSerde.of(ScrapeRun.class);
    static final Serde<StandardState> STATE = JsonSerde.of(StandardState.class);
    static final Serde<ChangeEvent> CHANGE = JsonSerde.of(ChangeEvent.class);
    static final Serde<Detection> DETECTION = JsonSerde.of(Detection.class);
    static final Serde<GateInput> GATE_INPUT = JsonSerde.of(GateInput.class);
    static final Serde<SourceBaseline> SOURCE = JsonSerde.of(SourceBaseline.class);
    static final Serde<SentReminders> SENT_REMINDERS = JsonSerde.of(SentReminders.class);

    @Produces
    public Topology topology(TopicBootstrap topics, DifferConfig config) {
        return build(topics.ensureTopics(), new ClosingReminders(config.reminders().days()),
                config.reminders().checkInterval());
    }

    /** With the default reminders (7 and 1 days before a deadline, checked hourly). */
    public static Topology build(int sourcePartitions) {
        return build(sourcePartitions, new ClosingReminders(List.of(7, 1)), Duration.ofHours(1));
    }

    /**
     * @param sourcePartitions partitions of {@link Topics#SCRAPE_RUNS}; detected changes are repartitioned to the same
     *                         count so that a source's changes and runs meet in one task
     * @param reminders        when to tell that a comment period closes soon
     * @param reminderCheck    how often (wall-clock) to look for due reminders
     */
    public static Topology build(int sourcePartitions, ClosingReminders reminders, Duration reminderCheck) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STANDARDS_STORE), Serdes.String(), STATE));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SOURCES_STORE), Serdes.String(), SOURCE));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REMINDERS_STORE), Serdes.String(), SENT_REMINDERS));

        KStream<String, Detection> detections = builder
                .stream(Topics.SNAPSHOTS, Consumed.with(Serdes.String(), SNAPSHOT).withName("read-snapshots"))
                .filter((itemKey, snapshot) -> snapshot != null, Named.as("drop-tombstones"))
                .selectKey((itemKey, snapshot) -> StandardKeys.keyOf(snapshot), Named.as("key-by-standard"))
                .repartition(Repartitioned.with(Serdes.String(), SNAPSHOT).withName("snapshots-by-standard"))
                .process(() -> new StandardProcessor(reminders, reminderCheck), Named.as("apply-snapshot"),
                        STANDARDS_STORE, REMINDERS_STORE);

        detections
                .filter((key, d) -> d.direct() != null, Named.as("direct-changes"))
                .mapValues(Detection::direct, Named.as("direct-change"))
                .to(Topics.CHANGES, Produced.with(Serdes.String(), CHANGE).withName("write-reminders"));

        detections
                .filter((key, d) -> d.state() != null, Named.as("states"))
                .mapValues(Detection::state, Named.as("state"))
                .to(Topics.STANDARDS, Produced.with(Serdes.String(), STATE).withName("write-standards"));

        KStream<String, GateInput> pendingBySource = detections
                .filter((key, d) -> d.change() != null, Named.as("changes"))
                .map((key, d) -> KeyValue.pair(d.change().source(), GateInput.of(d.change())),
                        Named.as("key-by-source"))
                .repartition(Repartitioned.with(Serdes.String(), GATE_INPUT)
                        .withName("pending-changes-by-source")
                        .withNumberOfPartitions(sourcePartitions));

        KStream<String, GateInput> runs = builder
                .stream(Topics.SCRAPE_RUNS, Consumed.with(Serdes.String(), SCRAPE_RUN).withName("read-scrape-runs"))
                // Keyed by source by contract (Topics.SCRAPE_RUNS), so no repartition is needed.
                .filter((source, run) -> run != null, Named.as("drop-run-tombstones"))
                .mapValues(GateInput::of, Named.as("run-input"));

        pendingBySource.merge(runs, Named.as("changes-and-runs"))
                .process(BaselineGateProcessor::new, Named.as("baseline-gate"), SOURCES_STORE)
                .to(Topics.CHANGES, Produced.with(Serdes.String(), CHANGE).withName("write-changes"));

        return builder.build();
    }
}
