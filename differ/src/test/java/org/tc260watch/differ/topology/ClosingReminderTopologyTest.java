package org.tc260watch.differ.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.differ.Fixtures.SOURCE;
import static org.tc260watch.differ.Fixtures.draft;
import static org.tc260watch.differ.Fixtures.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tc260watch.differ.detect.ClosingReminders;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Topics;

/** Reminders come from the wall clock: a standard open for comment is reminded 7 and 1 days before its deadline. */
class ClosingReminderTopologyTest {

    /** 2026-04-05 10:00 in Beijing: 7 days before a 2026-04-12 deadline. */
    private static final Instant APRIL_5 = Instant.parse("2026-04-05T02:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void remindersArriveOncePerThresholdAndAMovedDeadlineStartsAfresh() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reminder-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(
                DifferTopology.build(new DifferTopology.Settings(3, 3, new ClosingReminders(List.of(7, 1)),
                        Duration.ofHours(1), 3, Duration.ofMinutes(2))), props, APRIL_5);
        TestInputTopic<String, Snapshot> snapshots =
                driver.createInputTopic(Topics.SNAPSHOTS, new StringSerializer(), DifferTopology.SNAPSHOT.serializer());
        TestInputTopic<String, ScrapeRun> runs =
                driver.createInputTopic(Topics.SCRAPE_RUNS, new StringSerializer(), DifferTopology.SCRAPE_RUN.serializer());
        TestOutputTopic<String, ChangeEvent> changes =
                driver.createOutputTopic(Topics.CHANGES, new StringDeserializer(), DifferTopology.CHANGE.deserializer());

        Snapshot open = draft("a1", "数据分类分级规则", "2026-02-11", "2026-04-12", "r1", APRIL_5.minusSeconds(3600));
        Snapshot later = draft("b2", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "r1", APRIL_5.minusSeconds(3600));
        snapshots.pipeInput(open.itemKey(), open);
        snapshots.pipeInput(later.itemKey(), later);
        runs.pipeInput(SOURCE, run("r1", Health.HEALTHY, 2, APRIL_5.minusSeconds(3600)));
        assertThat(changes.readValuesToList()).as("the baseline tells nobody about standards")
                .extracting(ChangeEvent::type).containsExactly(ChangeType.SOURCE_BASELINED);

        driver.advanceWallClockTime(Duration.ofHours(1));
        List<ChangeEvent> seven = changes.readValuesToList();
        assertThat(seven).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.COMMENT_PERIOD_CLOSING);
            assertThat(c.standardKey()).isEqualTo("title:数据安全技术数据分类分级规则");
            assertThat(c.changes().get(0).to()).isEqualTo("7");
        });

        driver.advanceWallClockTime(Duration.ofHours(5));
        assertThat(changes.isEmpty()).as("once per threshold").isTrue();

        driver.advanceWallClockTime(Duration.ofDays(5)); // 2026-04-10 16:00 in Beijing: two days left
        assertThat(changes.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofDays(1)); // 2026-04-11: one day left
        assertThat(changes.readValuesToList()).extracting(c -> c.changes().get(0).to()).containsExactly("1");

        // The deadline moves to 2026-04-30: its own reminders, 7 days before.
        Snapshot moved = draft("a1", "数据分类分级规则", "2026-02-11", "2026-04-30", "r2", APRIL_5.plusSeconds(6 * 86400));
        snapshots.pipeInput(moved.itemKey(), moved);
        runs.pipeInput(SOURCE, run("r2", Health.HEALTHY, 1, APRIL_5.plusSeconds(6 * 86400)));
        assertThat(changes.readValuesToList()).extracting(ChangeEvent::type).containsExactly(ChangeType.DEADLINE_CHANGED);
        driver.advanceWallClockTime(Duration.ofDays(12)); // 2026-04-23: 7 days before the new deadline
        assertThat(changes.readValuesToList()).extracting(c -> c.standardKey() + " " + c.changes().get(0).to())
                .containsExactly("title:数据安全技术数据分类分级规则 7");
        driver.advanceWallClockTime(Duration.ofDays(4)); // 2026-04-27: 7 days before the other draft's 2026-05-04
        assertThat(changes.readValuesToList()).extracting(c -> c.standardKey() + " " + c.changes().get(0).to())
                .containsExactly("title:数据安全技术数据出境安全评估指南 7");

        // 2026-05-05: both deadlines have passed; each period is told closed once, and never reminded again.
        driver.advanceWallClockTime(Duration.ofDays(8));
        assertThat(changes.readValuesToList()).extracting(c -> c.type().wireName() + " " + c.standardKey())
                .containsExactlyInAnyOrder("comment-period.closed title:数据安全技术数据分类分级规则",
                        "comment-period.closed title:数据安全技术数据出境安全评估指南");
        driver.advanceWallClockTime(Duration.ofDays(1));
        assertThat(changes.isEmpty()).isTrue();
    }
}
