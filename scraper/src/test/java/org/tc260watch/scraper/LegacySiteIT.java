package org.tc260watch.scraper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.admin.PollReport;
import org.tc260watch.scraper.sim.InjectTc260Simulator;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.sim.Tc260SimulatorTestResource;

/**
 * The legacy /front/ generation as deployed: simulator in the legacy states (100+), real broker, polls through the
 * admin endpoint. Every source runs in each poll; only the legacy sources' runs are asserted here.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(value = Tc260SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = Tc260SimulatorTestResource.FIXTURE_ROOT, value = Tc260Simulator.DEFAULT_FIXTURE_ROOT),
        @ResourceArg(name = Tc260SimulatorTestResource.INITIAL_STATE, value = "100")})
@WithTestResource(AdminTokenTestResource.class)
class LegacySiteIT {

    private static final Set<String> LEGACY = Set.of("legacy.bzzqyj", "legacy.notices", "legacy.published");

    @InjectTc260Simulator
    Tc260Simulator site;

    private final TopicReader topics = new TopicReader(KafkaBrokerTestResource.bootstrapServers());

    @BeforeEach
    void baseline() {
        site.up().setState(100).clearRequests();
    }

    @Test
    void theLegacySiteGivesSnapshotsOfEveryLegacySourceAndHealthyRuns() {
        Map<String, ScrapeRun> runs = pollLegacy();

        assertThat(runs).containsOnlyKeys(LEGACY);
        for (ScrapeRun run : runs.values()) {
            assertThat(run.health()).as(run.source() + ": " + run.reason()).isEqualTo(Health.HEALTHY);
            assertThat(run.generation()).isEqualTo(SiteGeneration.LEGACY);
            assertThat(run.complete()).isTrue();
            assertThat(topics.runs(run.runId())).singleElement()
                    .satisfies(record -> assertThat(record.value()).isEqualTo(run));
        }

        Map<String, Snapshot> drafts = snapshots(runs.get("legacy.bzzqyj"));
        assertThat(drafts).hasSize(12);
        Snapshot a = drafts.get("legacy.bzzqyj:20250827154251");
        assertThat(a.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(a.generation()).isEqualTo(SiteGeneration.LEGACY);
        assertThat(a.sourceUrl()).isEqualTo(site.baseUrl()
                + "/front/bzzqyjDetail.html?id=20250827154251&norm_id=20250708125141&recode_id=59758");
        assertThat(a.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(a.bookTitles()).containsExactly("网络安全技术 AAA 标准");
        assertThat(a.dates().commentEnd()).isEqualTo(LocalDate.of(2025, 10, 26));
        // Page 2 is served GBK-encoded.
        assertThat(drafts.get("legacy.bzzqyj:20250708093000").title()).contains("网络安全漏洞管理规范");
        assertThat(drafts.get("legacy.bzzqyj:20250822101500").standardIds()).containsExactly("GB/T 20984-2022");

        Map<String, Snapshot> notices = snapshots(runs.get("legacy.notices"));
        assertThat(notices).hasSize(6);
        assertThat(notices.get("legacy.notices:20240301164054").kind()).isEqualTo(ItemKind.TECHNICAL_DOCUMENT);
        assertThat(notices.get("legacy.notices:20240301164054").dates().published())
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(notices.get("legacy.notices:20250704092842").kind())
                .isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
        assertThat(notices.get("legacy.notices:20250519172429").kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);

        Map<String, Snapshot> standards = snapshots(runs.get("legacy.published"));
        // Page 1 only until the poll loop can POST the query's later pages.
        assertThat(standards).hasSize(10);
        Snapshot pi = standards.get("legacy.published:GB/T 35273-2020");
        assertThat(pi.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
        assertThat(pi.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(pi.dates().published()).isEqualTo(LocalDate.of(2020, 3, 6));
        assertThat(pi.dates().implementation()).isEqualTo(LocalDate.of(2020, 10, 1));
        assertThat(pi.attachments()).extracting(Attachment::url)
                .containsExactly(site.baseUrl() + "/front/bzcx/download.html?id=1001");
    }

    @Test
    void aNewDraftAndAMovedDeadlineShowWithoutDuplicatingTheShiftedRow() {
        Map<String, Snapshot> before = snapshots(pollLegacy().get("legacy.bzzqyj"));
        site.setState(101);
        ScrapeRun run = pollLegacy().get("legacy.bzzqyj");
        List<ConsumerRecord<String, Snapshot>> records = topics.snapshots(run.runId());
        Map<String, Snapshot> after = snapshots(run);

        assertThat(run.health()).isEqualTo(Health.HEALTHY);
        assertThat(records).hasSize(13).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        assertThat(after.keySet()).containsAll(before.keySet()).contains("legacy.bzzqyj:20250905100000");
        assertThat(after.get("legacy.bzzqyj:20250827154251").dates().commentEnd())
                .isEqualTo(LocalDate.of(2025, 11, 10));
        assertThat(after.get("legacy.bzzqyj:20250722110000").contentHash())
                .isEqualTo(before.get("legacy.bzzqyj:20250722110000").contentHash());
    }

    @Test
    void aRedesignedListFailsAndDamagedPagesDegrade() {
        site.setState(102);
        ScrapeRun redesigned = pollLegacy().get("legacy.bzzqyj");
        site.setState(103);
        Map<String, ScrapeRun> damaged = pollLegacy();

        assertThat(redesigned.health()).isEqualTo(Health.FAILED);
        assertThat(redesigned.reason()).contains("layout changed");
        assertThat(topics.snapshots(redesigned.runId())).isEmpty();
        assertThat(topics.runs(redesigned.runId())).singleElement()
                .satisfies(record -> assertThat(record.value().health()).isEqualTo(Health.FAILED));

        ScrapeRun truncated = damaged.get("legacy.bzzqyj");
        assertThat(truncated.health()).isEqualTo(Health.DEGRADED);
        assertThat(truncated.reason()).contains("truncated");
        assertThat(topics.snapshots(truncated.runId())).hasSize(11);
        ScrapeRun missing = damaged.get("legacy.notices");
        assertThat(missing.health()).isEqualTo(Health.DEGRADED);
        assertThat(missing.errors()).hasSize(2);
        assertThat(topics.snapshots(missing.runId())).extracting(ConsumerRecord::key)
                .containsExactly("legacy.notices:20250915154109");
        assertThat(damaged.get("legacy.published").health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void afterTheLegacyEraEveryLegacySourceFailsAsASoft404() {
        site.setState(104);

        Map<String, ScrapeRun> runs = pollLegacy();

        assertThat(runs.values()).allSatisfy(run -> {
            assertThat(run.health()).isEqualTo(Health.FAILED);
            assertThat(run.reason()).startsWith("soft-404:");
            assertThat(topics.snapshots(run.runId())).isEmpty();
        });
    }

    /** One poll of every source; the runs of the legacy sources by source. */
    private static Map<String, ScrapeRun> pollLegacy() {
        PollReport report = given().header("Authorization", "Bearer " + AdminTokenTestResource.TOKEN)
                .when().post("/admin/poll")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(PollReport.class);
        return report.runs().stream().filter(run -> LEGACY.contains(run.source()))
                .collect(Collectors.toMap(ScrapeRun::source, Function.identity()));
    }

    private Map<String, Snapshot> snapshots(ScrapeRun run) {
        return topics.snapshots(run.runId()).stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(Snapshot::itemKey, Function.identity()));
    }
}
