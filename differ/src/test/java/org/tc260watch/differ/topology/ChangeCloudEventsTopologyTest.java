package org.tc260watch.differ.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.differ.Fixtures.CATALOGUE;
import static org.tc260watch.differ.Fixtures.NOTICES;
import static org.tc260watch.differ.Fixtures.SOURCE;
import static org.tc260watch.differ.Fixtures.draft;
import static org.tc260watch.differ.Fixtures.item;
import static org.tc260watch.differ.Fixtures.listed;
import static org.tc260watch.differ.Fixtures.rerun;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ChangeCloudEvents;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.EventSchemas;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.events.Topics;

/**
 * The public contract of {@code tc260.changes} over a standard's whole life, every change type included: each record is
 * a CloudEvent in binary mode whose headers say what the value says, and whose value is the change JSON of
 * {@code change.v1.json}, unchanged for readers that ignore headers.
 */
class ChangeCloudEventsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-02-11T02:00:00Z");
    private static final Duration POLL = Duration.ofMinutes(30);
    /** Headers of the input records, as if the scraper sent CloudEvents too and traced its calls. */
    private static final Headers UPSTREAM = new RecordHeaders()
            .add("ce_id", "snapshot-1".getBytes(StandardCharsets.UTF_8))
            .add("ce_type", "org.example.snapshot".getBytes(StandardCharsets.UTF_8))
            .add("content-type", "text/plain".getBytes(StandardCharsets.UTF_8))
            .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path stateDir;

    private DriverHarness d;
    private TestOutputTopic<String, String> changes;
    private TestOutputTopic<String, String> standards;
    private final List<TestRecord<String, String>> told = new ArrayList<>();
    private final List<TestRecord<String, String>> states = new ArrayList<>();
    private int runNo;

    @BeforeEach
    void start() {
        d = new DriverHarness(stateDir, DifferTopology.Settings.defaults(3), T0);
        // Raw text, as a consumer without the events classes reads it.
        changes = d.driver.createOutputTopic(Topics.CHANGES, new StringDeserializer(), new StringDeserializer());
        standards = d.driver.createOutputTopic(Topics.STANDARDS, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void everyChangeOfAStandardLifeIsACloudEventWhoseHeadersMatchItsSchemaValidValue() throws Exception {
        Snapshot a1 = draft("a1", "个人信息保护合规审计专业机构能力要求", "2026-02-11", "2026-04-12", "x", T0);
        Snapshot b2 = draft("b2", "数据分类分级规则", "2026-02-20", "2026-04-21", "x", T0);
        Snapshot kept = listed("GB/T 35273-2020", "信息安全技术 个人信息安全规范", Stage.IN_FORCE, "2020-03-06",
                "2020-10-01", "x", T0);
        Snapshot leaving = listed("GB/T 20000-2019", "网络安全技术 将被移除的标准", Stage.IN_FORCE, "2019-01-01",
                "2019-07-01", "x", T0);
        poll(SOURCE, 0, Health.HEALTHY, a1, b2);
        poll(CATALOGUE, 0, Health.HEALTHY, kept, leaving);
        poll(NOTICES, 0, Health.HEALTHY);

        Snapshot d4 = draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "x", T0);
        poll(SOURCE, 1, Health.HEALTHY, a1, b2, d4);
        Snapshot a1Moved = draft("a1", "个人信息保护合规审计专业机构能力要求", "2026-02-11", "2026-04-30", "x", T0);
        poll(SOURCE, 2, Health.HEALTHY, a1Moved, b2, d4);
        Snapshot b2WithFile = item(SOURCE, "b2", "数据安全技术 数据分类分级规则", List.of(), Stage.COMMENT_DRAFT,
                b2.dates(), List.of(new Attachment("编制说明", "编制说明.pdf",
                        "https://www.tc260.org.cn/sysFile/downloadFile/9f")), "x", T0);
        poll(SOURCE, 3, Health.HEALTHY, a1Moved, b2WithFile, d4);
        poll(NOTICES, 4, Health.HEALTHY, item(NOTICES, "n1", "数据安全技术 数据分类分级规则（送审稿）", List.of(),
                Stage.REVIEW_DRAFT, ItemDates.NONE, List.of(), "x", T0));
        Snapshot b2Published = listed("GB/T 45100-2026", "数据安全技术 数据分类分级规则", Stage.PUBLISHED, "2026-06-30",
                "2027-01-01", "x", T0);
        poll(CATALOGUE, 5, Health.HEALTHY, kept, leaving, b2Published);
        Snapshot e5 = item(SOURCE, "e5", "信息安全技术 网络安全等级保护测评要求", List.of(), Stage.COMMENT_DRAFT,
                new ItemDates(null, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-01"), null), List.of(), "x",
                T0);
        poll(SOURCE, 6, Health.HEALTHY, a1Moved, b2WithFile, d4, e5);
        Snapshot e5Renamed = listed("GB/T 28449-2026", "网络安全技术 网络安全等级保护测评要求", Stage.PUBLISHED,
                "2026-08-01", "2027-02-01", "x", T0);
        poll(CATALOGUE, 7, Health.HEALTHY, kept, leaving, b2Published, e5Renamed);
        poll(CATALOGUE, 8, Health.HEALTHY, kept, b2Published, e5Renamed, listed("GB/T 20000-2019",
                "网络安全技术 将被移除的标准", Stage.WITHDRAWN, "2019-01-01", "2019-07-01", "x", T0));
        poll(NOTICES, 9, Health.DEGRADED);
        // The wall clock: 7 days before a1's new deadline, then past every deadline.
        d.driver.advanceWallClockTime(Duration.between(T0, Instant.parse("2026-04-23T02:00:00Z")));
        read();
        d.driver.advanceWallClockTime(Duration.ofDays(12));
        read();

        assertThat(told).extracting(r -> ChangeType.fromWireName(json(r).get("type").asText())).as("the life")
                .containsAll(Arrays.asList(ChangeType.values()));
        for (TestRecord<String, String> record : told) {
            ChangeEvent change = EventJson.mapper().readValue(record.value(), ChangeEvent.class);
            String what = change.type().wireName() + " " + change.standardKey();

            assertThat(EventSchemas.validate(EventSchemas.CHANGE, json(record))).as(what).isEmpty();
            assertThat(record.value()).as("the value is the change JSON, as before headers came")
                    .isEqualTo(new String(DifferTopology.CHANGE.serializer().serialize(Topics.CHANGES, change),
                            StandardCharsets.UTF_8));
            Headers headers = record.headers();
            assertThat(headers).extracting(Header::key).as(what + ": these headers, each once, none of the input's")
                    .containsExactlyInAnyOrderElementsOf(ChangeCloudEvents.HEADERS);
            assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(headers, "ce_id")).isEqualTo(change.id());
            assertThat(header(headers, "ce_type")).isEqualTo("org.tc260watch." + change.type().wireName());
            assertThat(header(headers, "ce_source")).isEqualTo("urn:tc260-watch:differ");
            assertThat(header(headers, "ce_subject")).isEqualTo(change.standardKey()).isEqualTo(record.key());
            assertThat(OffsetDateTime.parse(header(headers, "ce_time")).toInstant()).isEqualTo(change.detectedAt());
            assertThat(header(headers, "ce_dataschema")).isEqualTo("urn:tc260-watch:schemas:change.v1.json")
                    .isEqualTo(EventSchemas.schema(EventSchemas.CHANGE).getSchemaNode().get("$id").asText());
            assertThat(header(headers, "content-type")).isEqualTo("application/json");

            // What a consumer using the CloudEvents SDK gets.
            try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
                CloudEvent event = sdk.deserialize(Topics.CHANGES, headers,
                        record.value().getBytes(StandardCharsets.UTF_8));
                assertThat(event.getId()).isEqualTo(change.id());
                assertThat(event.getType()).isEqualTo(ChangeCloudEvents.type(change.type()));
                assertThat(event.getSubject()).isEqualTo(change.standardKey());
                assertThat(event.getData().toBytes()).asString(StandardCharsets.UTF_8).isEqualTo(record.value());
            }
        }
        assertThat(states).as("the states that the same input records caused carry no header, neither the input's nor"
                + " a change's").isNotEmpty().allSatisfy(r -> assertThat(r.headers()).as(r.key()).isEmpty());
    }

    /**
     * A complete run of {@code source} with these items, at poll {@code n}, each record with the {@link #UPSTREAM}
     * headers.
     */
    private void poll(String source, int n, Health health, Snapshot... items) {
        String runId = "r" + (++runNo);
        Instant at = T0.plus(POLL.multipliedBy(n));
        for (Snapshot s : items) {
            d.snapshots.pipeInput(new TestRecord<>(s.itemKey(), rerun(s, runId, at), UPSTREAM));
        }
        d.runs.pipeInput(new TestRecord<>(source, DriverHarness.run(source, runId, health, true, items.length, at),
                UPSTREAM));
        read();
    }

    private void read() {
        told.addAll(changes.readRecordsToList());
        states.addAll(standards.readRecordsToList());
    }

    private static JsonNode json(TestRecord<String, String> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
