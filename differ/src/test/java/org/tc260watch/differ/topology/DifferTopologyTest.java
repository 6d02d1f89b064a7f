package org.tc260watch.differ.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.differ.Fixtures.SOURCE;
import static org.tc260watch.differ.Fixtures.draft;
import static org.tc260watch.differ.Fixtures.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.Topics;

class DifferTopologyTest {

    private static final Instant T0 = Instant.parse("2026-02-11T02:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Snapshot> snapshots;
    private TestInputTopic<String, ScrapeRun> runs;
    private TestOutputTopic<String, ChangeEvent> changes;
    private TestOutputTopic<String, StandardState> standards;

    @BeforeEach
    void start() {
        driver = newDriver(stateDir.resolve("a"));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private TopologyTestDriver newDriver(Path dir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "differ-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        TopologyTestDriver d = new TopologyTestDriver(DifferTopology.build(3), props);
        snapshots = d.createInputTopic(Topics.SNAPSHOTS, new StringSerializer(), DifferTopology.SNAPSHOT.serializer());
        runs = d.createInputTopic(Topics.SCRAPE_RUNS, new StringSerializer(), DifferTopology.SCRAPE_RUN.serializer());
        changes = d.createOutputTopic(Topics.CHANGES, new StringDeserializer(), DifferTopology.CHANGE.deserializer());
        standards = d.createOutputTopic(Topics.STANDARDS, new StringDeserializer(), DifferTopology.STATE.deserializer());
        return d;
    }

    private void poll(String runId, Health health, Instant at, Snapshot... items) {
        for (Snapshot s : items) {
            snapshots.pipeInput(s.itemKey(), s);
        }
        runs.pipeInput(SOURCE, run(runId, health, items.length, at));
    }

    private Snapshot[] baseline(String runId, Instant at) {
        return new Snapshot[] {
            draft("a1", "个人信息保护合规审计专业机构能力要求", "2026-02-11", "2026-04-12", runId, at),
            draft("b2", "数据分类分级规则", "2026-02-20", "2026-04-21", runId, at),
            draft("c3", "个人信息匿名化处理指南及评价方法", "2026-03-01", "2026-04-30", runId, at),
        };
    }

    @Test
    void firstHealthyRunIsTheBaselineAndTellsNobody() {
        poll("r1", Health.HEALTHY, T0, baseline("r1", T0));

        assertThat(changes.isEmpty()).isTrue();
        assertThat(standards.readKeyValuesToMap()).containsOnlyKeys(
                "title:数据安全技术个人信息保护合规审计专业机构能力要求", "title:数据安全技术数据分类分级规则",
                "title:数据安全技术个人信息匿名化处理指南及评价方法");
    }

    @Test
    void aNewDraftAfterTheBaselineIsOneAddedChange() {
        poll("r1", Health.HEALTHY, T0, baseline("r1", T0));
        Instant t1 = T0.plusSeconds(1800);
        Snapshot fresh = draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "r2", t1);
        Snapshot[] again = baseline("r2", t1);
        poll("r2", Health.HEALTHY, t1, again[0], again[1], again[2], fresh);

        List<ChangeEvent> told = changes.readValuesToList();
        assertThat(told).hasSize(1);
        ChangeEvent added = told.get(0);
        assertThat(added.type()).isEqualTo(ChangeType.STANDARD_ADDED);
        assertThat(added.standardKey()).isEqualTo("title:数据安全技术数据出境安全评估指南");
        assertThat(added.state().commentEnd()).hasToString("2026-05-04");
        assertThat(added.state().title()).isEqualTo("数据安全技术 数据出境安全评估指南");
        assertThat(added.changes()).contains(new FieldChange("commentEnd", null, "2026-05-04"));
        assertThat(added.sourceUrls()).containsExactly("https://www.tc260.org.cn/portal/suggestion-detail/d4");
        assertThat(added.detectedAt()).isEqualTo(t1);
    }

    @Test
    void aMovedDeadlineIsOneDeadlineChangedWithTheFieldDiff() {
        poll("r1", Health.HEALTHY, T0, baseline("r1", T0));
        Instant t1 = T0.plusSeconds(1800);
        Snapshot[] next = baseline("r2", t1);
        next[0] = draft("a1", "个人信息保护合规审计专业机构能力要求", "2026-02-11", "2026-04-30", "r2", t1);
        poll("r2", Health.HEALTHY, t1, next);

        List<ChangeEvent> told = changes.readValuesToList();
        assertThat(told).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.DEADLINE_CHANGED);
            assertThat(c.changes()).containsExactly(new FieldChange("commentEnd", "2026-04-12", "2026-04-30"));
            assertThat(c.state().version()).isEqualTo(2);
        });
    }

    @Test
    void anUnchangedSiteProducesNothingAtAll() {
        poll("r1", Health.HEALTHY, T0, baseline("r1", T0));
        standards.readValuesToList();
        Instant t1 = T0.plusSeconds(1800);
        poll("r2", Health.HEALTHY, t1, baseline("r2", t1));
        poll("r3", Health.HEALTHY, t1.plusSeconds(1800), baseline("r3", t1.plusSeconds(1800)));

        assertThat(changes.isEmpty()).isTrue();
        assertThat(standards.isEmpty()).as("lastSeen alone does not republish state").isTrue();
    }

    @Test
    void runsBeforeTheFirstHealthyOneAreSilentToo() {
        Snapshot[] partial = baseline("r1", T0);
        poll("r1", Health.DEGRADED, T0, partial[0]);
        poll("r2", Health.FAILED, T0.plusSeconds(60));
        Instant t3 = T0.plusSeconds(120);
        poll("r3", Health.HEALTHY, t3, baseline("r3", t3));
        assertThat(changes.isEmpty()).isTrue();

        Instant t4 = T0.plusSeconds(180);
        poll("r4", Health.HEALTHY, t4, draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "r4", t4));
        assertThat(changes.readValuesToList()).extracting(ChangeEvent::type).containsExactly(ChangeType.STANDARD_ADDED);
    }

    @Test
    void snapshotsOfTheBaselineRunArrivingAfterItsVerdictStaySilent() {
        runs.pipeInput(SOURCE, run("r1", Health.HEALTHY, 3, T0));
        for (Snapshot s : baseline("r1", T0)) {
            snapshots.pipeInput(s.itemKey(), s);
        }
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void changesOfALaterRunAreToldEvenBeforeItsVerdictArrives() {
        poll("r1", Health.HEALTHY, T0, baseline("r1", T0));
        Instant t1 = T0.plusSeconds(1800);
        Snapshot fresh = draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "r2", t1);
        snapshots.pipeInput(fresh.itemKey(), fresh);
        assertThat(changes.readValuesToList()).hasSize(1);
    }

    @Test
    void eachSourceHasItsOwnBaseline() {
        poll("r1", Health.HEALTHY, T0, baseline("r1", T0));
        Snapshot other = new Snapshot("shtml.project-opinion", null, "shtml.project-opinion:p1", "https://x/p1", null,
                "《数据安全技术 新来源标准》", List.of(), List.of("数据安全技术 新来源标准"), null,
                null, List.of(), null, "h", T0.plusSeconds(5), "s1", null);
        snapshots.pipeInput(other.itemKey(), other);
        assertThat(changes.isEmpty()).as("the new source has no baseline yet").isTrue();
    }

    @Test
    void aMalformedSnapshotIsSkippedAndTheStreamGoesOn() {
        var raw = driver.createInputTopic(Topics.SNAPSHOTS, new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput("portal.suggestion:broken", "{not json".getBytes(StandardCharsets.UTF_8));
        poll("r1", Health.HEALTHY, T0, baseline("r1", T0));
        Instant t1 = T0.plusSeconds(60);
        poll("r2", Health.HEALTHY, t1, draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "r2", t1));
        assertThat(changes.readValuesToList()).hasSize(1);
    }

    @Test
    void replayingTheSameInputGivesTheSameChangeIds() throws Exception {
        List<String> first = scriptedLife();
        driver.close();
        driver = newDriver(Files.createDirectories(stateDir.resolve("b")));
        List<String> second = scriptedLife();
        assertThat(first).hasSize(2).doesNotHaveDuplicates();
        assertThat(second).isEqualTo(first);
    }

    private List<String> scriptedLife() {
        poll("r1", Health.HEALTHY, T0, baseline("r1", T0));
        Instant t1 = T0.plusSeconds(60);
        Snapshot[] next = baseline("r2", t1);
        next[1] = draft("b2", "数据分类分级规则", "2026-02-20", "2026-05-20", "r2", t1);
        poll("r2", Health.HEALTHY, t1, next[0], next[1], next[2],
                draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "r2", t1));
        return changes.readValuesToList().stream().map(ChangeEvent::id).toList();
    }
}
