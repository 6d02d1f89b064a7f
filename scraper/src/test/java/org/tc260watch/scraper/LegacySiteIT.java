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
import org.tc260watch.events.Listing;
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
 * admin endpoint. Every test starts from a poll of state 100, so that LEGACY is the live generation and every legacy
 * source has been read once whatever the test order (the poll loop remembers generations and items for the life of
 * the app). Only the legacy sources' runs are asserted here.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(value = Tc260SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = Tc260SimulatorTestResource.FIXTURE_ROOT, value = Tc260Simulator.DEFAULT_FIXTURE_ROOT),
        @ResourceArg(name = Tc260SimulatorTestResource.INITIAL_STATE, value = "100")})
@WithTestResource(AdminTokenTestResource.class)
class LegacySiteIT {

    private static final Set<String> LEGACY = Set.of("legacy.bzzqyj", "legacy.notices", "legacy.published");
    /** What each legacy list means; every snapshot published for it says so. */
    private static final Map<String, Listing> LISTINGS = Map.of("legacy.bzzqyj", Listing.OPEN_FOR_COMMENT,
            "legacy.notices", Listing.ARCHIVE, "legacy.published", Listing.CATALOGUE);

    @InjectTc260Simulator
    Tc260Simulator site;

    private final TopicReader topics = new TopicReader(KafkaBrokerTestResource.bootstrapServers());

    /** The legacy runs of the baseline poll (state 100) that starts every test. */
    private Map<String, ScrapeRun> baseline;

    @BeforeEach
    void baseline() {
        site.up().setState(100);
        baseline = pollLegacy();
        assertThat(baseline).as("LEGACY is the live generation").containsOnlyKeys(LEGACY);
        site.clearRequests();
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
            assertThat(snapshots(run).values()).as(run.source()).extracting(Snapshot::listing)
                    .containsOnly(LISTINGS.get(run.source()));
        }

        Map<String, Snapshot> drafts = snapshots(runs.get("legacy.bzzqyj"));
        // 12 listed drafts; the batch notice 20250811102000 (等2项) is one item per standard.
        assertThat(drafts).hasSize(13).containsKeys(
                "legacy.bzzqyj:20250811102000#网络安全技术 信息系统灾难恢复规范",
                "legacy.bzzqyj:20250811102000#网络安全技术 信息安全管理体系 要求")
                .doesNotContainKey("legacy.bzzqyj:20250811102000");
        // Every draft was completed from its detail page (GBK list page 2 included).
        assertThat(drafts.values()).allSatisfy(draft -> {
            assertThat(draft.dates().published()).as(draft.itemKey()).isNotNull();
            assertThat(draft.attachments()).as(draft.itemKey()).isNotEmpty();
        });
        Snapshot a = drafts.get("legacy.bzzqyj:20250827154251");
        assertThat(a.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(a.generation()).isEqualTo(SiteGeneration.LEGACY);
        assertThat(a.sourceUrl()).isEqualTo(site.baseUrl()
                + "/front/bzzqyjDetail.html?id=20250827154251&norm_id=20250708125141&recode_id=59758");
        assertThat(a.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        // Every 《》 title of title and body, the regulation the detail page cites included.
        assertThat(a.bookTitles()).containsExactly("网络安全技术 AAA 标准", "全国专业标准化技术委员会管理办法");
        assertThat(a.dates().commentEnd()).isEqualTo(LocalDate.of(2025, 10, 26));
        // From the detail page: publication date, secretariat document number (split over spans), labelled files.
        assertThat(a.dates().published()).isEqualTo(LocalDate.of(2025, 9, 15));
        assertThat(a.documentNumber()).isEqualTo("网安秘字〔2025〕88号");
        assertThat(a.attachments()).extracting(Attachment::label).containsExactly("征求意见稿", "意见反馈表", "编制说明");
        assertThat(a.attachments()).first().extracting(Attachment::url)
                .isEqualTo(site.baseUrl() + "/upload/2025-09-15/1757923200000123456.pdf");
        // Page 2 is served GBK-encoded.
        assertThat(drafts.get("legacy.bzzqyj:20250708093000").title()).contains("网络安全漏洞管理规范");
        assertThat(drafts.get("legacy.bzzqyj:20250822101500").standardIds()).containsExactly("GB/T 20984-2022");

        Map<String, Snapshot> notices = snapshots(runs.get("legacy.notices"));
        // 6 listed notices; 20250704092842 announces 3 standards and is one item per standard.
        assertThat(notices).hasSize(8);
        assertThat(notices.get("legacy.notices:20240301164054").kind()).isEqualTo(ItemKind.TECHNICAL_DOCUMENT);
        assertThat(notices.get("legacy.notices:20240301164054").dates().published())
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(notices.keySet()).filteredOn(key -> key.startsWith("legacy.notices:20250704092842")).containsOnly(
                "legacy.notices:20250704092842#GB/T 20988-2025", "legacy.notices:20250704092842#GB/T 22080-2025",
                "legacy.notices:20250704092842#GB/T 45909-2025");
        Snapshot announced = notices.get("legacy.notices:20250704092842#GB/T 45909-2025");
        assertThat(announced.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
        assertThat(announced.standardIds()).containsExactly("GB/T 45909-2025");
        assertThat(announced.bookTitles()).containsExactly("网络安全技术 数字水印技术实现指南");
        assertThat(announced.dates().implementation()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(notices.get("legacy.notices:20250519172429").kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);

        Map<String, Snapshot> standards = snapshots(runs.get("legacy.published"));
        // The query read to its end by form POSTs: 10 + 3 rows.
        assertThat(standards).hasSize(13);
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
        // 12 + 1 listed drafts, the batch notice being 2 items.
        assertThat(records).hasSize(14).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
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

        // The list parsed in the baseline poll, so its redesign is a layout change: DEGRADED, never complete, and
        // the last-known drafts are published again so that none looks gone. (A list that never parsed FAILS:
        // LegacySiteStatesTest.state102ARedesignedListFailsTheRun.)
        Set<String> knownDrafts = snapshots(baseline.get("legacy.bzzqyj")).keySet();
        assertThat(redesigned.health()).isEqualTo(Health.DEGRADED);
        assertThat(redesigned.reason()).startsWith("layout changed");
        assertThat(redesigned.complete()).isFalse();
        assertThat(snapshots(redesigned).keySet()).isEqualTo(knownDrafts);
        assertThat(topics.runs(redesigned.runId())).singleElement()
                .satisfies(record -> assertThat(record.value().health()).isEqualTo(Health.DEGRADED));

        ScrapeRun truncated = damaged.get("legacy.bzzqyj");
        assertThat(truncated.health()).isEqualTo(Health.DEGRADED);
        assertThat(truncated.reason()).contains("truncated");
        assertThat(truncated.complete()).isFalse();
        // The row cut off on page 2 (20250708093000) is carried over from the last-known set, not dropped.
        assertThat(snapshots(truncated).keySet()).isEqualTo(knownDrafts);
        ScrapeRun missing = damaged.get("legacy.notices");
        assertThat(missing.health()).isEqualTo(Health.DEGRADED);
        assertThat(missing.errors()).hasSize(2);
        // The two rows skipped for missing fields are vouched for from the last-known set: none looks gone.
        assertThat(topics.snapshots(missing.runId())).extracting(ConsumerRecord::key)
                .contains("legacy.notices:20250915154109")
                .containsExactlyInAnyOrderElementsOf(snapshots(baseline.get("legacy.notices")).keySet());
        assertThat(damaged.get("legacy.published").health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void afterTheLegacyEraEveryLegacySourceFailsAsASoft404() {
        site.setState(104);

        Map<String, ScrapeRun> runs = pollLegacy();

        // The retired generation's runs are published once more, FAILED, saying the generation changed.
        assertThat(runs).containsOnlyKeys(LEGACY);
        assertThat(runs.values()).allSatisfy(run -> {
            assertThat(run.health()).isEqualTo(Health.FAILED);
            assertThat(run.reason()).startsWith("site generation changed: LEGACY → SHTML").contains("soft-404:");
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
