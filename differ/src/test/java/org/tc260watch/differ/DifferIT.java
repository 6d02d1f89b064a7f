package org.tc260watch.differ;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.deploy.testing.PrometheusText;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Topics;

/** The differ on a real broker: exactly-once Streams, real topics, read_committed consumers. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(DifferStreamsTestResource.class)
class DifferIT {

    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, String> changes;
    private String source;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        changes = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "differ-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
        changes.subscribe(List.of(Topics.CHANGES));
        // A source of its own per test, so baselines of other tests do not interfere.
        source = "it.source-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        producer.close();
        changes.close();
    }

    @Test
    void baselineThenOneAddedThenOneDeadlineChangedOnTheRealBroker() throws Exception {
        Instant t0 = Instant.now();
        send(snapshot("a1", "数据分类分级规则", "2026-04-12", "r1", t0));
        send(snapshot("b2", "个人信息匿名化处理指南", "2026-04-20", "r1", t0));
        send(run("r1", Health.HEALTHY, 2, t0));

        send(snapshot("a1", "数据分类分级规则", "2026-04-12", "r2", t0.plusSeconds(1)));
        send(snapshot("b2", "个人信息匿名化处理指南", "2026-04-20", "r2", t0.plusSeconds(1)));
        send(snapshot("c3", "数据出境安全评估指南", "2026-05-04", "r2", t0.plusSeconds(1)));
        send(run("r2", Health.HEALTHY, 3, t0.plusSeconds(1)));

        List<ChangeEvent> seen = awaitChanges(1);
        assertThat(seen).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.STANDARD_ADDED);
            assertThat(c.standardKey()).isEqualTo("title:数据安全技术" + tag() + "数据出境安全评估指南");
        });

        send(snapshot("b2", "个人信息匿名化处理指南", "2026-05-30", "r3", t0.plusSeconds(2)));
        send(run("r3", Health.HEALTHY, 1, t0.plusSeconds(2)));
        List<ChangeEvent> more = awaitChanges(1);
        assertThat(more).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.DEADLINE_CHANGED);
            assertThat(c.state().commentEnd()).isEqualTo(LocalDate.parse("2026-05-30"));
        });

        // Interactive query on this instance's store.
        given().queryParam("key", more.get(0).standardKey())
                .when().get("/api/standards")
                .then().statusCode(200).body("commentEnd", equalTo("2026-05-30"));
        given().queryParam("key", "no such standard").when().get("/api/standards").then().statusCode(404);
        given().when().get("/api/standards/" + more.get(0).standardKey()).then().statusCode(200)
                .body("key", equalTo(more.get(0).standardKey()));

        // Nothing else arrives: no duplicates of either change.
        assertThat(pollChanges(Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aMalformedSnapshotDoesNotStopTheDiffer() throws Exception {
        Instant t0 = Instant.now();
        producer.send(new ProducerRecord<>(Topics.SNAPSHOTS, "broken", "{\"source\":".getBytes())).get();
        send(snapshot("a1", "数据分类分级规则", "2026-04-12", "r1", t0));
        send(run("r1", Health.HEALTHY, 1, t0));
        send(snapshot("z9", "新草案", "2026-06-01", "r2", t0.plusSeconds(1)));
        send(run("r2", Health.HEALTHY, 1, t0.plusSeconds(1)));
        assertThat(awaitChanges(1)).extracting(ChangeEvent::type).containsExactly(ChangeType.STANDARD_ADDED);
    }

    @Test
    void readyWhileStreamsRunsAndItsMetricsCountTheChangesItWrote() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'tc260-streams-running' }.data.state", equalTo("RUNNING"))
                .body("checks.find { it.name == 'Kafka Streams topics health check' }.status", equalTo("UP")));
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka Streams state health check' }.status", equalTo("UP"));
        PrometheusText before = metrics();

        Instant t0 = Instant.now();
        send(snapshot("a1", "数据分类分级规则", "2026-04-12", "r1", t0));
        send(run("r1", Health.HEALTHY, 1, t0));
        send(snapshot("a1", "数据分类分级规则", "2026-04-12", "r2", t0.plusSeconds(1)));
        send(snapshot("c3", "数据出境安全评估指南", "2026-05-04", "r2", t0.plusSeconds(1)));
        send(run("r2", Health.HEALTHY, 2, t0.plusSeconds(1)));
        Map<String, Integer> told = new java.util.TreeMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (var record : changes.poll(Duration.ofMillis(500))) {
                ChangeEvent c = EventJson.mapper().readValue(record.value(), ChangeEvent.class);
                if (c.standardKey().contains(tag())) { // this test's standards and its source
                    told.merge(c.type().wireName(), 1, Integer::sum);
                }
            }
            return told.containsKey(ChangeType.STANDARD_ADDED.wireName());
        });
        assertThat(told).containsOnlyKeys(ChangeType.SOURCE_BASELINED.wireName(), ChangeType.STANDARD_ADDED.wireName());

        // The counter runs before the transaction commits: by the time a change is read, it was counted.
        PrometheusText after = metrics();
        told.forEach((type, count) -> assertThat(after.sum("tc260_changes_emitted_total", Map.of("type", type))
                - before.sum("tc260_changes_emitted_total", Map.of("type", type))).as(type).isEqualTo(count.doubleValue()));
        // Consumer lag of the Streams clients, for scaling and alerts.
        assertThat(after.samples("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
    }

    private static PrometheusText metrics() {
        return new PrometheusText(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private String tag() {
        // Titles carry the source tag so that each test's standards are its own.
        return source.substring(source.length() - 8);
    }

    private Snapshot snapshot(String id, String topic, String deadline, String runId, Instant at) {
        String book = "数据安全技术 " + tag() + topic;
        return new Snapshot(source, SiteGeneration.PORTAL, source + ":" + id, "http://127.0.0.1/portal/suggestion-detail/" + id,
                null, "关于国家标准《" + book + "》征求意见稿征求意见的通知", List.of(), List.of(book), null,
                new org.tc260watch.events.ItemDates(null, null, LocalDate.parse(deadline), null), List.of(), null,
                "h" + deadline, at, runId, null);
    }

    private ScrapeRun run(String runId, Health health, int items, Instant at) {
        return new ScrapeRun(runId, source, SiteGeneration.PORTAL, 1, 100, items, 0, List.of(), health, null, true, at, at);
    }

    private void send(Snapshot s) throws Exception {
        producer.send(new ProducerRecord<>(Topics.SNAPSHOTS, s.itemKey(), EventJson.mapper().writeValueAsBytes(s))).get();
    }

    private void send(ScrapeRun r) throws Exception {
        producer.send(new ProducerRecord<>(Topics.SCRAPE_RUNS, r.source(), EventJson.mapper().writeValueAsBytes(r))).get();
    }

    private List<ChangeEvent> awaitChanges(int count) {
        List<ChangeEvent> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            seen.addAll(pollChanges(Duration.ofMillis(500)));
            return seen.size() >= count;
        });
        return seen;
    }

    private List<ChangeEvent> pollChanges(Duration timeout) throws Exception {
        List<ChangeEvent> out = new ArrayList<>();
        for (var record : changes.poll(timeout)) {
            ChangeEvent c = EventJson.mapper().readValue(record.value(), ChangeEvent.class);
            if (c.sourceUrls().stream().anyMatch(u -> u.contains("127.0.0.1")) && c.standardKey().contains(tag())) {
                out.add(c);
            }
        }
        return out;
    }
}
