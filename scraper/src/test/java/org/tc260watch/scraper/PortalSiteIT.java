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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.admin.PollReport;
import org.tc260watch.scraper.sim.InjectTc260Simulator;
import org.tc260watch.scraper.sim.RecordedRequest;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.sim.Tc260SimulatorTestResource;

/**
 * Every {@code /portal/} source against the portal-era simulated site (states 200-203, see
 * {@code tc260-sim/README-portal.md}), real broker, polls through the admin endpoint. The portal is the live
 * generation, so only its sources' runs are published. Every poll is a full read ({@code full-recrawl-interval=0s}
 * in %test): every listed article and comment notice is completed from its detail page, and batch notices are split
 * per standard ({@code <listed key>#<standard id or 《》 title>}).
 *
 * <p>The poll loop remembers what it read for the life of the application, and a page that used to parse is
 * judged differently from one that never did; so every test starts from a scraper that has read the baseline
 * (state 200), whatever order the tests run in.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(value = Tc260SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = Tc260SimulatorTestResource.FIXTURE_ROOT, value = Tc260Simulator.DEFAULT_FIXTURE_ROOT),
        @ResourceArg(name = Tc260SimulatorTestResource.INITIAL_STATE, value = "200")})
@WithTestResource(AdminTokenTestResource.class)
class PortalSiteIT {

    private static final List<String> PORTAL_SOURCES = List.of("portal.news", "portal.notices", "portal.plan",
            "portal.publications", "portal.standards", "portal.suggestion");
    /** What each portal list means; every snapshot published for it says so. */
    private static final Map<String, Listing> LISTINGS = Map.of("portal.news", Listing.ARCHIVE,
            "portal.notices", Listing.ARCHIVE, "portal.plan", Listing.CATALOGUE, "portal.publications",
            Listing.CATALOGUE, "portal.standards", Listing.CATALOGUE, "portal.suggestion", Listing.OPEN_FOR_COMMENT);
    private static final String REAL = "20250519172429";
    private static final String ANNOUNCEMENT = "267e851caadf4d7f834ede5e39a7e3cf";
    private static final String AIGC = "20250828165129";
    private static final String AIGC_GUIDE = "portal.notices:" + AIGC + "#网络安全标准实践指南——人工智能生成合成内容标识 ";
    private static final String BATCH_DRAFT = "portal.suggestion:9e8d7c6b5a4f40312e1d0c9b8a7f6e5d#";

    @InjectTc260Simulator
    Tc260Simulator site;

    private final TopicReader topics = new TopicReader(KafkaBrokerTestResource.bootstrapServers());

    @BeforeEach
    void baseline() {
        site.up().setState(200);
        pollOnce();
        site.clearRequests();
    }

    @Test
    void theBaselineGivesEveryPortalSourceAHealthyCompleteRun() {
        Map<String, ScrapeRun> runs = pollOnce();

        // Only the live generation's sources are published (the others are probed, and answer the homepage).
        assertThat(runs).containsOnlyKeys(PORTAL_SOURCES.toArray(String[]::new));
        for (String source : PORTAL_SOURCES) {
            ScrapeRun run = runs.get(source);
            assertThat(run.health()).as(source + ": " + run.reason()).isEqualTo(Health.HEALTHY);
            assertThat(run.complete()).as(source).isTrue();
            assertThat(run.generation()).isEqualTo(SiteGeneration.PORTAL);
            assertThat(topics.runs(run.runId())).singleElement()
                    .satisfies(r -> assertThat(r.key()).isEqualTo(source));
            assertThat(snapshots(run).values()).as(source).extracting(Snapshot::listing)
                    .containsOnly(LISTINGS.get(source));
        }

        // The 7-standard batch draft notice is split per standard by its detail page.
        Map<String, Snapshot> suggestions = snapshots(runs.get("portal.suggestion"));
        assertThat(suggestions).containsOnlyKeys("portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7",
                BATCH_DRAFT + "网络安全技术 移动通信信号屏蔽器技术规范", BATCH_DRAFT + "网络安全技术 大模型训练数据安全要求",
                BATCH_DRAFT + "网络安全技术 智能体应用安全基本要求", BATCH_DRAFT + "网络安全技术 人工智能代码生成服务安全要求",
                BATCH_DRAFT + "网络安全技术 零信任参考体系架构", BATCH_DRAFT + "网络安全技术 网络安全风险评估方法",
                BATCH_DRAFT + "数据安全技术 未成年人产品和服务个人信息保护要求");
        assertThat(suggestions.get(BATCH_DRAFT + "网络安全技术 大模型训练数据安全要求")).satisfies(draft -> {
            assertThat(draft.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 10, 25));
            assertThat(draft.documentNumber()).isEqualTo("网安秘字〔2026〕118号");
            assertThat(draft.attachments()).singleElement()
                    .satisfies(file -> assertThat(file.name()).contains("网络安全技术 大模型训练数据安全要求"));
        });
        assertThat(paths("/portal/suggestion-detail/")).containsExactlyInAnyOrder(
                "/portal/suggestion-detail/3bb57023c00a464faf4c2f7b9a5524c7",
                "/portal/suggestion-detail/9e8d7c6b5a4f40312e1d0c9b8a7f6e5d");

        Map<String, Snapshot> notices = snapshots(runs.get("portal.notices"));
        // The two batch notices are split per standard: by id where the body gives one, else by 《》 title.
        assertThat(notices).containsOnlyKeys("portal.notices:" + ANNOUNCEMENT + "#GB/T 47020-2026",
                "portal.notices:" + ANNOUNCEMENT + "#GB/T 47021-2026",
                "portal.notices:160310cea5f6411d92fd99a52a42424f", "portal.notices:" + REAL,
                "portal.notices:20250315113048", AIGC_GUIDE + "服务提供者编码规则", AIGC_GUIDE + "视频文件元数据标识",
                AIGC_GUIDE + "文本文件元数据标识", AIGC_GUIDE + "图片文件元数据标识", AIGC_GUIDE + "音频文件元数据标识",
                AIGC_GUIDE + "安全防护技术指南");
        Snapshot real = notices.get("portal.notices:" + REAL);
        assertThat(real.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(real.sourceUrl()).isEqualTo(site.baseUrl() + "/portal/article/2/" + REAL);
        assertThat(real.dates().published()).isEqualTo(LocalDate.of(2025, 5, 26));
        assertThat(real.generation()).isEqualTo(SiteGeneration.PORTAL);
        // From the real capture's body: the document number split over spans, and the attachment.
        assertThat(real.documentNumber()).isEqualTo("网安秘字〔2025〕62号");
        assertThat(real.attachments()).singleElement().satisfies(file -> assertThat(file.url())
                .isEqualTo(site.baseUrl() + "/upload/2025-05-26/1748255158535034574.pdf"));
        Snapshot announcement = notices.get("portal.notices:" + ANNOUNCEMENT + "#GB/T 47021-2026");
        assertThat(announcement.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
        assertThat(announcement.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(announcement.standardIds()).containsExactly("GB/T 47021-2026");
        assertThat(announcement.bookTitles()).containsExactly("网络安全技术 网络安全产品互联互通 告警信息格式");
        assertThat(announcement.dates().published()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(announcement.dates().implementation()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(notices.get(AIGC_GUIDE + "视频文件元数据标识").kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(notices.get("portal.notices:20250315113048").standardIds()).containsExactly("GB 45438-2025");
        assertThat(notices.get("portal.notices:160310cea5f6411d92fd99a52a42424f").dates().commentEnd())
                .isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(paths("/portal/cms/work/10/2")).containsExactly(
                "/portal/cms/work/10/2", "/portal/cms/work/10/2?page=2", "/portal/cms/work/10/2?page=3");

        // 新闻动态 is a single page and the site ignores ?page=2: the repeat ends the list, complete.
        // 4 listed items, the announcement split in two.
        Map<String, Snapshot> news = snapshots(runs.get("portal.news"));
        assertThat(news).hasSize(5);
        Snapshot fullText = news.get("portal.news:20250630122232");
        assertThat(fullText.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
        assertThat(fullText.standardIds()).containsExactly("GB/T 45654-2025");
        // The standard's own dates from the article body, not the article's 发布于 (2025-06-30).
        assertThat(fullText.dates().published()).isEqualTo(LocalDate.of(2025, 4, 25));
        assertThat(fullText.dates().implementation()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(fullText.attachments()).hasSize(1);
        assertThat(paths("/portal/cms/work/10/0")).containsExactly("/portal/cms/work/10/0", "/portal/cms/work/10/0?page=2");

        Map<String, Snapshot> publications = snapshots(runs.get("portal.publications"));
        assertThat(publications.values()).extracting(Snapshot::itemKey, Snapshot::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("portal.publications:9a8b7c6d5e4f40312233445566778899",
                        ItemKind.RESEARCH_REPORT),
                org.assertj.core.groups.Tuple.tuple("portal.publications:b694733a8d9946afb4ac6e1b075b660a",
                        ItemKind.TECHNICAL_DOCUMENT),
                org.assertj.core.groups.Tuple.tuple("portal.publications:4061772dcf684d8a96f395a4298e9e53",
                        ItemKind.PRACTICE_GUIDE),
                org.assertj.core.groups.Tuple.tuple("portal.publications:20240301164054",
                        ItemKind.TECHNICAL_DOCUMENT));
        assertThat(publications.get("portal.publications:4061772dcf684d8a96f395a4298e9e53").standardIds())
                .containsExactly("TC260-PG-20257A");
        assertThat(publications.get("portal.publications:9a8b7c6d5e4f40312233445566778899").documentNumber())
                .isEqualTo("网安秘字〔2026〕34号");
        assertThat(paths("/portal/article/")).containsExactlyInAnyOrder(
                "/portal/article/0/7d6c5b4a39281706f5e4d3c2b1a09f8e", "/portal/article/1/20250630122232",
                "/portal/article/2/160310cea5f6411d92fd99a52a42424f", "/portal/article/2/20250315113048",
                // listed by both 通知公告 and 新闻动态: each source reads its own detail
                "/portal/article/2/" + REAL, "/portal/article/2/" + REAL,
                "/portal/article/2/" + ANNOUNCEMENT, "/portal/article/2/" + ANNOUNCEMENT,
                "/portal/article/2/" + AIGC, "/portal/article/301/20240301164054",
                "/portal/article/302/9a8b7c6d5e4f40312233445566778899",
                "/portal/article/303/4061772dcf684d8a96f395a4298e9e53",
                "/portal/article/304/b694733a8d9946afb4ac6e1b075b660a");

        Map<String, Snapshot> plan = snapshots(runs.get("portal.plan"));
        assertThat(plan).hasSize(4);
        assertThat(plan.get("portal.plan:20240896-T-469")).satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PLAN_ITEM);
            assertThat(item.stage()).isEqualTo(Stage.APPROVAL_DRAFT);
            assertThat(item.standardIds()).containsExactly("20240896-T-469");
        });

        Map<String, Snapshot> standards = snapshots(runs.get("portal.standards"));
        assertThat(standards).containsOnlyKeys("portal.standards:GB/T 45654-2025", "portal.standards:GB 45438-2025",
                "portal.standards:GB/T 47020-2026", "portal.standards:GB/T 35273-2020");
        assertThat(standards.get("portal.standards:GB/T 47020-2026")).satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(item.dates().implementation()).isEqualTo(LocalDate.of(2026, 8, 1));
            assertThat(item.stage()).isEqualTo(Stage.PUBLISHED);
        });
        assertThat(runs.get("portal.standards").pagesFetched()).isEqualTo(3);
    }

    @Test
    void aNewNoticeShiftsAnItemToPage2WithoutLosingOrDoublingItAndPlanStagesMove() {
        Map<String, ScrapeRun> before = pollOnce();
        site.setState(201);
        Map<String, ScrapeRun> after = pollOnce();

        assertThat(after.get("portal.notices").health()).isEqualTo(Health.HEALTHY);
        List<ConsumerRecord<String, Snapshot>> records = topics.snapshots(after.get("portal.notices").runId());
        // 6 listed notices: 11 items of state 200 (two batch notices split) + the new one.
        assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(12)
                .contains("portal.notices:5e0c2b7d9a4f4c1e8b6d3a2f1e0d9c8b");
        Map<String, Snapshot> noticesBefore = snapshots(before.get("portal.notices"));
        Map<String, Snapshot> noticesAfter = snapshots(after.get("portal.notices"));
        assertThat(noticesAfter.keySet()).containsAll(noticesBefore.keySet());
        assertThat(noticesAfter.get("portal.notices:5e0c2b7d9a4f4c1e8b6d3a2f1e0d9c8b").attachments()).hasSize(1);
        // Moved from page 1 to page 2: every item of the batch notice has the same content.
        for (String guide : List.of("服务提供者编码规则", "视频文件元数据标识", "安全防护技术指南")) {
            assertThat(noticesAfter.get(AIGC_GUIDE + guide).contentHash())
                    .isEqualTo(noticesBefore.get(AIGC_GUIDE + guide).contentHash());
        }

        Snapshot audit = snapshots(after.get("portal.plan")).get("portal.plan:20240896-T-469");
        assertThat(audit.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(audit.contentHash())
                .isNotEqualTo(snapshots(before.get("portal.plan")).get("portal.plan:20240896-T-469").contentHash());
        assertThat(snapshots(after.get("portal.plan")).get("portal.plan:20250864-T-469").stage())
                .isEqualTo(Stage.REVIEW_DRAFT);
    }

    /**
     * The list used to parse (the baseline was read), so its redesign is DEGRADED, not FAILED: the run says
     * "layout changed" and vouches for the last-known items, so none of them looks gone.
     */
    @Test
    void aRedesignedListDegradesItsSourceOnlyAndKeepsItsLastKnownItems() {
        Map<String, Snapshot> known = snapshots(pollOnce().get("portal.notices"));
        site.setState(202).clearRequests();

        Map<String, ScrapeRun> runs = pollOnce();

        ScrapeRun notices = runs.get("portal.notices");
        assertThat(notices.health()).isEqualTo(Health.DEGRADED);
        assertThat(notices.reason()).startsWith("layout changed");
        assertThat(notices.complete()).isFalse();
        Map<String, Snapshot> republished = snapshots(notices);
        assertThat(republished).containsOnlyKeys(known.keySet());
        assertThat(republished.values()).allSatisfy(item -> assertThat(item.contentHash())
                .isEqualTo(known.get(item.itemKey()).contentHash()));
        assertThat(topics.runs(notices.runId())).singleElement()
                .satisfies(r -> assertThat(r.value().health()).isEqualTo(Health.DEGRADED));
        // Its articles are not asked for: the list gave no items to detail.
        assertThat(paths("/portal/article/2/160310cea5f6411d92fd99a52a42424f")).isEmpty();
        for (String source : List.of("portal.news", "portal.plan", "portal.publications", "portal.standards",
                "portal.suggestion")) {
            assertThat(runs.get(source).health()).as(source).isEqualTo(Health.HEALTHY);
        }
    }

    @Test
    void cutPagesSkippedRowsAndLostPagesDegradeOrFailTheirRuns() {
        site.setState(203);

        Map<String, ScrapeRun> runs = pollOnce();

        ScrapeRun news = runs.get("portal.news");
        assertThat(news.health()).isEqualTo(Health.DEGRADED);
        assertThat(news.reason()).contains("truncated");
        assertThat(news.complete()).isFalse();
        // Only the rows before the cut are read (their articles fetched); the rest is republished as last known.
        assertThat(paths("/portal/article/0/")).containsExactly("/portal/article/0/7d6c5b4a39281706f5e4d3c2b1a09f8e");
        assertThat(paths("/portal/article/1/")).isEmpty();
        assertThat(snapshots(news)).containsOnlyKeys("portal.news:7d6c5b4a39281706f5e4d3c2b1a09f8e",
                "portal.news:" + ANNOUNCEMENT + "#GB/T 47020-2026", "portal.news:" + ANNOUNCEMENT + "#GB/T 47021-2026",
                "portal.news:20250630122232", "portal.news:" + REAL);

        ScrapeRun publications = runs.get("portal.publications");
        assertThat(publications.health()).isEqualTo(Health.DEGRADED);
        assertThat(publications.reason()).contains("b694733a8d9946afb4ac6e1b075b660a").contains("no date");
        // The row skipped for its missing date is vouched for from the baseline: a DEGRADED run never drops an item.
        assertThat(publications.complete()).isFalse();
        assertThat(snapshots(publications)).hasSize(4).containsKey(
                "portal.publications:b694733a8d9946afb4ac6e1b075b660a");

        ScrapeRun plan = runs.get("portal.plan");
        assertThat(plan.health()).isEqualTo(Health.FAILED);
        assertThat(plan.reason()).startsWith("soft-404:").contains(".info-item");
        assertThat(topics.snapshots(plan.runId())).isEmpty();

        ScrapeRun standards = runs.get("portal.standards");
        assertThat(standards.health()).isEqualTo(Health.DEGRADED);
        assertThat(standards.reason()).contains("page 2 failed").contains("soft-404");
        // Page 1's 2 rows read, page 2's 2 rows republished as last known (a lost page is not lost items).
        assertThat(snapshots(standards)).containsOnlyKeys("portal.standards:GB/T 45654-2025",
                "portal.standards:GB 45438-2025", "portal.standards:GB/T 47020-2026", "portal.standards:GB/T 35273-2020");
        assertThat(standards.pagesFetched()).isEqualTo(2);

        assertThat(runs.get("portal.notices").health()).isEqualTo(Health.HEALTHY);
    }

    private Map<String, Snapshot> snapshots(ScrapeRun run) {
        return topics.snapshots(run.runId()).stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(Snapshot::itemKey, Function.identity()));
    }

    private List<String> paths(String prefix) {
        return site.requests().stream().map(RecordedRequest::pathAndQuery).filter(p -> p.startsWith(prefix)).toList();
    }

    private static Map<String, ScrapeRun> pollOnce() {
        PollReport report = given().header("Authorization", "Bearer " + AdminTokenTestResource.TOKEN)
                .when().post("/admin/poll")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(PollReport.class);
        return report.runs().stream().collect(Collectors.toMap(ScrapeRun::source, Function.identity()));
    }
}
