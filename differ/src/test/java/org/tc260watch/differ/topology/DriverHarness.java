package org.tc260watch.differ.topology;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.Topics;

/** The differ's topology on a {@link TopologyTestDriver}, fed the way the scraper feeds it: a run's snapshots, then its verdict. */
final class DriverHarness implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<String, Snapshot> snapshots;
    final TestInputTopic<String, ScrapeRun> runs;
    final TestOutputTopic<String, ChangeEvent> changes;
    final TestOutputTopic<String, StandardState> standards;

    DriverHarness(Path stateDir, DifferTopology.Settings settings, Instant wallClock) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "differ-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        driver = new TopologyTestDriver(DifferTopology.build(settings), props, wallClock);
        snapshots = driver.createInputTopic(Topics.SNAPSHOTS, new StringSerializer(), DifferTopology.SNAPSHOT.serializer());
        runs = driver.createInputTopic(Topics.SCRAPE_RUNS, new StringSerializer(), DifferTopology.SCRAPE_RUN.serializer());
        changes = driver.createOutputTopic(Topics.CHANGES, new StringDeserializer(), DifferTopology.CHANGE.deserializer());
        standards = driver.createOutputTopic(Topics.STANDARDS, new StringDeserializer(), DifferTopology.STATE.deserializer());
    }

    DriverHarness(Path stateDir) {
        this(stateDir, DifferTopology.Settings.defaults(3), Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** One run of {@code source}: its snapshots (all with this run id and time), then its verdict. */
    ScrapeRun poll(String source, String runId, Health health, boolean complete, Instant at, Snapshot... items) {
        for (Snapshot s : items) {
            snapshots.pipeInput(s.itemKey(), s);
        }
        ScrapeRun run = run(source, runId, health, complete, items.length, at);
        runs.pipeInput(source, run);
        return run;
    }

    static ScrapeRun run(String source, String runId, Health health, boolean complete, int items, Instant at) {
        return new ScrapeRun(runId, source, SiteGeneration.PORTAL, 1, 1000, items, 0, List.of(), health,
                health == Health.HEALTHY ? null : "test: " + health, complete && health == Health.HEALTHY,
                at.minusSeconds(1), at.plusSeconds(1));
    }

    /** Every change told since the last read. */
    List<ChangeEvent> told() {
        return changes.readValuesToList();
    }

    /** Changes about standards told since the last read (source health and baselines left out). */
    List<ChangeEvent> toldAboutStandards() {
        return told().stream().filter(c -> !c.type().wireName().startsWith("source.")).toList();
    }

    /** The latest value per key of tc260.standards (null for a retired key). */
    Map<String, StandardState> standardsByKey() {
        return standards.readKeyValuesToMap();
    }

    @Override
    public void close() {
        driver.close();
    }
}
