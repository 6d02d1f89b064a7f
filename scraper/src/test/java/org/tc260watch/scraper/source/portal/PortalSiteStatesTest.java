package org.tc260watch.scraper.source.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.fetch.FetchSettings;
import org.tc260watch.scraper.poll.RunHistory;
import org.tc260watch.scraper.poll.SourceMemories;
import org.tc260watch.scraper.poll.SourcePoller;
import org.tc260watch.scraper.poll.SourceRunResult;
import org.tc260watch.scraper.sim.RecordedRequest;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * The portal simulator states (200+) through the real fetcher and poll loop WITH the detail adapters, as the
 * scraper runs them (every poll a full read, as with {@code tc260.full-recrawl-interval=0s}), without Kafka: every
 * listed article must have a detail page the article adapter reads cleanly.
 */
class PortalSiteStatesTest {

    private static final String BATCH_GUIDES = "portal.notices:20250828165129#网络安全标准实践指南——人工智能生成合成内容标识 ";

    private final Tc260Simulator site = new Tc260Simulator(Tc260Simulator.DEFAULT_FIXTURE_ROOT, 200);
    private final SourcePoller poller = new SourcePoller(FetchSettings.fetcher(Duration.ZERO, 5_000_000),
            new SiteAddress(URI.create(site.baseUrl())), 10, new RunHistory(), new SourceMemories(),
            List.of(new SuggestionDetailAdapter(), new ArticleDetailAdapter()), Duration.ZERO, 3);

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void state200ReadsEveryListAndEveryDetailPageCleanly() {
        for (SourceAdapter adapter : List.of(new SuggestionListAdapter(), new NoticeListAdapter(),
                new NewsListAdapter(), new PublicationListAdapter(), new PlanListAdapter(),
                new StandardListAdapter())) {
            SourceRunResult result = poller.poll(adapter);
            assertThat(result.run().health()).as(adapter.source() + ": " + result.run().reason())
                    .isEqualTo(Health.HEALTHY);
            assertThat(result.run().complete()).as(adapter.source()).isTrue();
            assertThat(result.run().errors()).as(adapter.source()).isEmpty();
        }
        // Every article the three lists link to was asked for, and none fell to the homepage (soft 404).
        assertThat(site.requests()).extracting(RecordedRequest::pathAndQuery)
                .filteredOn(p -> p.startsWith("/portal/article/")).containsOnly(
                        "/portal/article/0/7d6c5b4a39281706f5e4d3c2b1a09f8e",
                        "/portal/article/1/20250630122232",
                        "/portal/article/2/160310cea5f6411d92fd99a52a42424f",
                        "/portal/article/2/20250315113048",
                        "/portal/article/2/20250519172429",
                        "/portal/article/2/20250828165129",
                        "/portal/article/2/267e851caadf4d7f834ede5e39a7e3cf",
                        "/portal/article/301/20240301164054",
                        "/portal/article/302/9a8b7c6d5e4f40312233445566778899",
                        "/portal/article/303/4061772dcf684d8a96f395a4298e9e53",
                        "/portal/article/304/b694733a8d9946afb4ac6e1b075b660a");
    }

    @Test
    void state200NoticesAreCompletedFromTheirArticles() {
        Map<String, Snapshot> notices = byKey(poller.poll(new NoticeListAdapter()));

        // Two batch notices split per standard (by id where the body gives one, else by 《》 title).
        assertThat(notices).containsOnlyKeys("portal.notices:267e851caadf4d7f834ede5e39a7e3cf#GB/T 47020-2026",
                "portal.notices:267e851caadf4d7f834ede5e39a7e3cf#GB/T 47021-2026",
                "portal.notices:160310cea5f6411d92fd99a52a42424f", "portal.notices:20250519172429",
                "portal.notices:20250315113048", BATCH_GUIDES + "服务提供者编码规则", BATCH_GUIDES + "视频文件元数据标识",
                BATCH_GUIDES + "文本文件元数据标识", BATCH_GUIDES + "图片文件元数据标识", BATCH_GUIDES + "音频文件元数据标识",
                BATCH_GUIDES + "安全防护技术指南");
        assertThat(notices.get(BATCH_GUIDES + "视频文件元数据标识")).satisfies(guide -> {
            assertThat(guide.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
            assertThat(guide.bookTitles()).containsExactly("网络安全标准实践指南——人工智能生成合成内容标识 视频文件元数据标识");
            assertThat(guide.dates().published()).isEqualTo(LocalDate.of(2025, 8, 28));
        });
        assertThat(notices.get("portal.notices:160310cea5f6411d92fd99a52a42424f")).satisfies(draft -> {
            assertThat(draft.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
            assertThat(draft.stage()).isEqualTo(Stage.COMMENT_DRAFT);
            assertThat(draft.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 3, 12));
            assertThat(draft.attachments()).extracting(Attachment::url).containsExactly(
                    site.baseUrl() + "/sysFile/downloadFile/3c2b1a0918f7e6d5c4b3a2918f7e6d5c");
        });
        assertThat(notices.get("portal.notices:20250315113048")).satisfies(gb -> {
            assertThat(gb.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
            assertThat(gb.standardIds()).containsExactly("GB 45438-2025");
            assertThat(gb.dates().published()).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(gb.dates().implementation()).isEqualTo(LocalDate.of(2025, 9, 1));
            assertThat(gb.attachments()).extracting(Attachment::url)
                    .containsExactly(site.baseUrl() + "/upload/2025-03-15/1742009439794081593.pdf");
        });
        assertThat(notices.get("portal.notices:20250519172429").documentNumber()).isEqualTo("网安秘字〔2025〕62号");
    }

    @Test
    void state200PublicationsAndNewsAreCompletedFromTheirArticles() {
        Map<String, Snapshot> publications = byKey(poller.poll(new PublicationListAdapter()));
        Map<String, Snapshot> news = byKey(poller.poll(new NewsListAdapter()));

        assertThat(publications.get("portal.publications:9a8b7c6d5e4f40312233445566778899")).satisfies(report -> {
            assertThat(report.kind()).isEqualTo(ItemKind.RESEARCH_REPORT);
            assertThat(report.documentNumber()).isEqualTo("网安秘字〔2026〕34号");
            assertThat(report.standardIds()).containsExactly("TC260-TR-005-2026");
            assertThat(report.attachments()).extracting(Attachment::url).containsExactly(
                    site.baseUrl() + "/sysFile/downloadFile/65a2ac0e14a140f68bb382b7a6e00b0c");
        });
        assertThat(publications.get("portal.publications:4061772dcf684d8a96f395a4298e9e53").standardIds())
                .containsExactly("TC260-PG-20257A");
        assertThat(publications.get("portal.publications:20240301164054").attachments()).extracting(Attachment::url)
                .containsExactly(site.baseUrl() + "/upload/2024-03-01/1709282398070082466.pdf");
        assertThat(news.get("portal.news:7d6c5b4a39281706f5e4d3c2b1a09f8e")).satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.NOTICE);
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(item.standardIds()).isEmpty();
        });
    }

    @Test
    void state201TheNewNoticeHasItsArticleAndTheShiftedBatchIsUnchanged() {
        NoticeListAdapter notices = new NoticeListAdapter();
        Map<String, Snapshot> before = byKey(poller.poll(notices));
        site.setState(201);
        SourceRunResult after = poller.poll(notices);

        assertThat(after.run().health()).as(after.run().reason()).isEqualTo(Health.HEALTHY);
        Map<String, Snapshot> now = byKey(after);
        assertThat(now.keySet()).containsAll(before.keySet()).hasSize(before.size() + 1);
        assertThat(now.get("portal.notices:5e0c2b7d9a4f4c1e8b6d3a2f1e0d9c8b").attachments()).hasSize(1);
        assertThat(now.get(BATCH_GUIDES + "服务提供者编码规则").contentHash())
                .isEqualTo(before.get(BATCH_GUIDES + "服务提供者编码规则").contentHash());
    }

    @Test
    void state203TheTruncatedNewsListReadsOnlyTheArticlesBeforeTheCut() {
        site.setState(203);

        SourceRunResult news = poller.poll(new NewsListAdapter());

        assertThat(news.run().health()).isEqualTo(Health.DEGRADED);
        assertThat(news.run().reason()).contains("truncated").doesNotContain("detail page");
        assertThat(site.requests()).extracting(RecordedRequest::pathAndQuery)
                .filteredOn(p -> p.startsWith("/portal/article/")).containsExactly(
                        "/portal/article/0/7d6c5b4a39281706f5e4d3c2b1a09f8e",
                        "/portal/article/2/267e851caadf4d7f834ede5e39a7e3cf");
    }

    private static Map<String, Snapshot> byKey(SourceRunResult result) {
        return result.snapshots().stream().collect(Collectors.toMap(Snapshot::itemKey, Function.identity()));
    }
}
