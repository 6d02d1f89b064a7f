package org.tc260watch.differ.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.tc260watch.differ.config.DifferConfig;
import org.tc260watch.differ.detect.ClosingReminders;
import org.tc260watch.differ.detect.ItemPresence;
import org.tc260watch.differ.detect.RunTally;
import org.tc260watch.differ.detect.SourceState;
import org.tc260watch.differ.identity.IdentityResolver.Entity;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.Topics;

/**
 * <pre>
 * tc260.snapshots ─► identity (1 task; stores aliases, entities) ─► by origin key ─┐
 *              commands topic (items gone, merged standards handed over) ────────────┴► standards (stores standards,
 *     items, reminders) ─► tc260.standards (states; tombstones for migrated keys)
 *                       ─► tc260.changes (calendar closings, reminders, withdrawals)
 *                       ─► sightings by source ─┐
 * tc260.scrape-runs ──────────────────────────────┴► source gate (stores sources, runs, held, presence)
 *     ─► tc260.changes (baselines, health, netted changes) and ─► commands topic (items gone)
 * </pre>
 * {@code tc260.changes} records are CloudEvents in binary mode ({@link #CHANGE_RECORD}).
 * Every store has a changelog and the application runs exactly_once_v2, so state, internal topics and outputs commit
 * together: a killed instance's work is redone by another, with the same deterministic change ids.
 */
@ApplicationScoped
public class DifferTopology {

    /** Internal topic from the source gate back to the standards: items gone for good. Keyed by origin key. */
    public static final String COMMANDS_TOPIC = "tc260.differ-commands";

    public static final String ALIASES_STORE = "aliases";
    public static final String ENTITIES_STORE = "entities";
    public static final String STANDARDS_STORE = "standards";
    public static final String ITEMS_STORE = "items";
    public static final String REMINDERS_STORE = "reminders";
    public static final String SOURCES_STORE = "sources";
    public static final String RUNS_STORE = "runs";
    public static final String HELD_STORE = "held";
    public static final String PRESENCE_STORE = "presence";

    public static final Serde<Snapshot> SNAPSHOT = JsonSerde.of(Snapshot.class);
    public static final Serde<ScrapeRun> SCRAPE_RUN = JsonSerde.of(ScrapeRun.class);
    public static final Serde<StandardState> STATE = JsonSerde.of(StandardState.class);
    public static final Serde<ChangeEvent> CHANGE = JsonSerde.of(ChangeEvent.class);
    /** {@link Topics#CHANGES} records: CloudEvents in binary mode whose value is the {@link #CHANGE} JSON. */
    public static final Serde<ChangeEvent> CHANGE_RECORD = Serdes.serdeFrom(new ChangeCloudEventSerializer(),
            CHANGE.deserializer());
    static final Serde<StandardInput> STANDARD_INPUT = JsonSerde.of(StandardInput.class);
    static final Serde<GateInput> GATE_INPUT = JsonSerde.of(GateInput.class);

    /** Every key of the identity step: one partition, one task, one consistent alias index. */
    private static final String IDENTITY_KEY = "identity";

    /**
     * @param sourcePartitions   partitions of {@link Topics#SCRAPE_RUNS}; sightings are repartitioned to the same count
     *                           so that a source's sightings and runs meet in one task
     * @param standardPartitions partitions of {@link #COMMANDS_TOPIC}; snapshots are repartitioned by standard to the
     *                           same count so that a standard's snapshots and departures meet in one task
     * @param reminders     when to tell that a comment period closes soon
     * @param reminderCheck how often (wall-clock) to look for due reminders and passed deadlines
     * @param absentRuns    consecutive HEALTHY complete runs an item must be absent from to be gone (K)
     * @param settleTimeout how long a run may wait for its verdict or snapshots before it settles unverified
     */
    public record Settings(int sourcePartitions, int standardPartitions, ClosingReminders reminders, Duration reminderCheck, int absentRuns,
            Duration settleTimeout) {

        public static Settings defaults(int partitions) {
            return new Settings(partitions, partitions, new ClosingReminders(List.of(7, 1)), Duration.ofHours(1), 3,
                    Duration.ofMinutes(2));
        }
    }

    /**
     * Counter: change events written to {@link Topics#CHANGES}, by {@code type}. Counted as they are processed: a task
     * redone after a crash counts its records again, while the topic (exactly once) holds them once.
     */
    public static final String CHANGES_EMITTED = "tc260.changes.emitted";

    @Produces
    public Topology topology(TopicBootstrap topics, DifferConfig config, MeterRegistry registry) {
        TopicBootstrap.Layout layout = topics.ensureTopics();
        return build(new Settings(layout.sourcePartitions(), layout.standardPartitions(),
                new ClosingReminders(config.reminders().days()),
                config.reminders().checkInterval(), config.withdrawal().absentRuns(), config.settleTimeout()),
                registry);
    }

    /** With the default settings. */
    public static Topology build(int partitions) {
        return build(Settings.defaults(partitions));
    }

    /** With meters nobody reads (tests). */
    public static Topology build(Settings settings) {
        return build(settings, new SimpleMeterRegistry());
    }

    public static Topology build(Settings settings, MeterRegistry registry) {
        StreamsBuilder builder = new StreamsBuilder();
        store(builder, ALIASES_STORE, Serdes.String());
        store(builder, ENTITIES_STORE, JsonSerde.of(Entity.class));
        store(builder, STANDARDS_STORE, STATE);
        store(builder, ITEMS_STORE, JsonSerde.of(ItemRecord.class));
        store(builder, REMINDERS_STORE, JsonSerde.of(SentReminders.class));
        store(builder, SOURCES_STORE, JsonSerde.of(SourceState.class));
        store(builder, RUNS_STORE, JsonSerde.of(RunTally.class));
        store(builder, HELD_STORE, CHANGE);
        store(builder, PRESENCE_STORE, JsonSerde.of(ItemPresence.class));

        KStream<String, StandardInput> observed = builder
                .stream(Topics.SNAPSHOTS, Consumed.with(Serdes.String(), SNAPSHOT).withName("read-snapshots"))
                .filter((itemKey, snapshot) -> snapshot != null && snapshot.itemKey() != null
                        && snapshot.observedAt() != null && snapshot.source() != null, Named.as("drop-unusable"))
                .selectKey((itemKey, snapshot) -> IDENTITY_KEY, Named.as("to-identity"))
                .repartition(Repartitioned.with(Serdes.String(), SNAPSHOT).withName("snapshots-for-identity")
                        .withNumberOfPartitions(1))
                .process(IdentityProcessor::new, Named.as("resolve-identity"), ALIASES_STORE, ENTITIES_STORE)
                .repartition(Repartitioned.with(Serdes.String(), STANDARD_INPUT).withName("snapshots-by-standard")
                        .withNumberOfPartitions(settings.standardPartitions()));
        KStream<String, StandardInput> departures = builder.stream(COMMANDS_TOPIC,
                Consumed.with(Serdes.String(), STANDARD_INPUT).withName("read-commands"));

        KStream<String, Detection> detections = observed.merge(departures, Named.as("standard-inputs"))
                .filter((origin, in) -> in != null, Named.as("drop-command-tombstones"))
                .process(() -> new StandardProcessor(settings.reminders(), settings.reminderCheck()),
                        Named.as("apply-to-standard"), STANDARDS_STORE, ITEMS_STORE, REMINDERS_STORE);

        KStream<String, ChangeEvent> direct = detections
                .filter((origin, d) -> d.direct() != null, Named.as("direct-changes"))
                .map((origin, d) -> KeyValue.pair(d.direct().standardKey(), d.direct()), Named.as("direct-change"));
        detections
                .filter((origin, d) -> d.state() != null || d.retiredKey() != null, Named.as("states"))
                .map((origin, d) -> d.state() != null ? KeyValue.pair(d.state().key(), d.state())
                        : KeyValue.<String, StandardState>pair(d.retiredKey(), null), Named.as("state-by-public-key"))
                .to(Topics.STANDARDS, Produced.with(Serdes.String(), STATE).withName("write-standards"));

        detections
                .filter((origin, d) -> d.command() != null, Named.as("commands"))
                .map((origin, d) -> KeyValue.pair(d.commandTo(), d.command()), Named.as("command-to-standard"))
                .to(COMMANDS_TOPIC, Produced.with(Serdes.String(), STANDARD_INPUT).withName("write-handovers"));

        KStream<String, GateInput> sightings = detections
                .filter((origin, d) -> d.sighting() != null, Named.as("sightings"))
                .map((origin, d) -> KeyValue.pair(d.sighting().source(), GateInput.of(d.sighting())),
                        Named.as("key-by-source"))
                .repartition(Repartitioned.with(Serdes.String(), GATE_INPUT).withName("sightings-by-source")
                        .withNumberOfPartitions(settings.sourcePartitions()));
        KStream<String, GateInput> runs = builder
                .stream(Topics.SCRAPE_RUNS, Consumed.with(Serdes.String(), SCRAPE_RUN).withName("read-scrape-runs"))
                // Keyed by source by contract (Topics.SCRAPE_RUNS), so no repartition is needed.
                .filter((source, run) -> run != null && run.runId() != null && run.finishedAt() != null,
                        Named.as("drop-unusable-runs"))
                .mapValues(GateInput::of, Named.as("run-input"));

        KStream<String, Object> gated = sightings.merge(runs, Named.as("sightings-and-runs"))
                .process(() -> new SourceGateProcessor(settings.absentRuns(), settings.settleTimeout()),
                        Named.as("source-gate"), SOURCES_STORE, RUNS_STORE, HELD_STORE, PRESENCE_STORE);
        gated
                .filter((key, out) -> out instanceof ChangeEvent, Named.as("told-changes"))
                .mapValues(out -> (ChangeEvent) out, Named.as("as-change"))
                .merge(direct, Named.as("all-changes"))
                .peek((key, change) -> Counter.builder(CHANGES_EMITTED)
                        .description("Change events written to " + Topics.CHANGES)
                        .tag("type", change.type().wireName()).register(registry).increment(), Named.as("count-changes"))
                .to(Topics.CHANGES, Produced.with(Serdes.String(), CHANGE_RECORD).withName("write-changes"));
        gated
                .filter((key, out) -> out instanceof StandardInput, Named.as("items-gone"))
                .mapValues(out -> (StandardInput) out, Named.as("as-command"))
                .to(COMMANDS_TOPIC, Produced.with(Serdes.String(), STANDARD_INPUT).withName("write-commands"));

        return builder.build();
    }

    private static <V> void store(StreamsBuilder builder, String name, Serde<V> serde) {
        KeyValueBytesStoreSupplier supplier = Stores.persistentKeyValueStore(name);
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier, Serdes.String(), serde));
    }
}
