package org.tc260watch.scraper.source.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;
import org.tc260watch.scraper.fetch.FetchSettings;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.poll.RunHistory;
import org.tc260watch.scraper.poll.SourceMemories;
import org.tc260watch.scraper.poll.SourcePoller;
import org.tc260watch.scraper.poll.SourceRunResult;
import org.tc260watch.scraper.sim.RecordedRequest;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * The legacy simulator states (100+) through the real fetcher and poll loop with the legacy detail adapters, as
 * deployed (detail pages read; memory of a source kept between polls), without Kafka.
 */
class LegacySiteStatesTest {

    private final Tc260Simulator site = new Tc260Simulator(Tc260Simulator.DEFAULT_FIXTURE_ROOT, 100);
    private final SiteAddress address = new SiteAddress(URI.create(site.baseUrl()));
    private final SourcePoller poller = new SourcePoller(FetchSettings.fetcher(Duration.ZERO, 5_000_000), address,
            10, new RunHistory(), new SourceMemories(),
            List.of(new CommentDraftDetailAdapter(), new NoticeDetailAdapter()), Duration.ofHours(24), 3);
    private final CommentDraftListAdapter drafts = new CommentDraftListAdapter();
    private final NoticeListAdapter notices = new NoticeListAdapter();
    private final PublishedStandardsAdapter published = new PublishedStandardsAdapter();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void state100ReadsEveryLegacySourceCompletely() {
        SourceRunResult draftRun = poller.poll(drafts);
        SourceRunResult noticeRun = poller.poll(notices);
        SourceRunResult publishedRun = poller.poll(published);

        for (SourceRunResult result : List.of(draftRun, noticeRun, publishedRun)) {
            assertThat(result.run().health()).as(result.run().source() + ": " + result.run().reason())
                    .isEqualTo(Health.HEALTHY);
            assertThat(result.run().complete()).isTrue();
        }
        // 12 listed drafts, of which 20250811102000 is a batch notice of 2 standards: one item per standard.
        assertThat(draftRun.run().items()).isEqualTo(13);
        assertThat(byKey(draftRun)).containsKeys("legacy.bzzqyj:20250811102000#网络安全技术 信息系统灾难恢复规范",
                "legacy.bzzqyj:20250811102000#网络安全技术 信息安全管理体系 要求")
                .doesNotContainKey("legacy.bzzqyj:20250811102000");
        // 3 list pages + 12 detail pages.
        assertThat(draftRun.run().pagesFetched()).isEqualTo(15);
        // Every listed draft was completed from its detail page: publication date and labelled files.
        assertThat(draftRun.snapshots()).allSatisfy(s -> {
            assertThat(s.dates().published()).as(s.itemKey()).isNotNull();
            assertThat(s.attachments()).as(s.itemKey()).isNotEmpty()
                    .first().satisfies(a -> assertThat(a.label()).isEqualTo("征求意见稿"));
        });
        // Page 2 is GBK on the wire: the fetcher decodes it by the header's charset.
        assertThat(byKey(draftRun).get("legacy.bzzqyj:20250708093000").title())
                .isEqualTo("关于国家标准《网络安全技术 网络安全漏洞管理规范》征求意见稿征求意见的通知");
        // 6 listed notices, of which 20250704092842 announces 3 standards: one item per standard.
        assertThat(noticeRun.run().items()).isEqualTo(8);
        assertThat(byKey(noticeRun)).containsKeys("legacy.notices:20250704092842#GB/T 20988-2025",
                "legacy.notices:20250704092842#GB/T 22080-2025", "legacy.notices:20250704092842#GB/T 45909-2025");
        assertThat(publishedRun.run().items()).isEqualTo(13);
        List<String> requested = site.requests().stream().map(RecordedRequest::pathAndQuery).toList();
        assertThat(requested).filteredOn(p -> p.contains("Detail.html")).doesNotHaveDuplicates().hasSize(12 + 6);
        assertThat(requested).filteredOn(p -> !p.equals("/robots.txt") && !p.contains("Detail.html")).containsExactly(
                "/front/bzzqyjList.html?start=0&length=10", "/front/bzzqyjList.html?start=10&length=10",
                "/front/bzzqyjList.html?start=20&length=10",
                "/front/postList.html?start=0&length=10", "/front/postList.html?start=10&length=10",
                "/front/bzcx/yfgbcx.html?start=0&length=10", "/front/bzcx/yfgbcx.html?start=10&length=10",
                "/front/bzcx/yfgbcx.html?start=20&length=10");
    }

    @Test
    void state101HasANewDraftAMovedDeadlineAndAShiftedItemOnce() {
        Map<String, Snapshot> before = byKey(poller.poll(drafts));
        site.setState(101).clearRequests();
        SourceRunResult after = poller.poll(drafts);

        assertThat(after.run().health()).isEqualTo(Health.HEALTHY);
        assertThat(after.snapshots()).hasSize(14);
        // Only the new draft and the changed list entry cost a detail page; the others are reused.
        assertThat(site.requests()).extracting(RecordedRequest::pathAndQuery)
                .filteredOn(p -> p.contains("bzzqyjDetail")).containsExactlyInAnyOrder(
                        "/front/bzzqyjDetail.html?id=20250905100000&norm_id=20250801090000&recode_id=59790",
                        "/front/bzzqyjDetail.html?id=20250827154251&norm_id=20250708125141&recode_id=59758");
        assertThat(byKey(after).get("legacy.bzzqyj:20250905100000").attachments()).isNotEmpty();
        Map<String, Snapshot> now = byKey(after);
        assertThat(now.keySet()).containsAll(before.keySet()).contains("legacy.bzzqyj:20250905100000");
        assertThat(now.get("legacy.bzzqyj:20250827154251").dates().commentEnd()).isEqualTo(LocalDate.of(2025, 11, 10));
        assertThat(now.get("legacy.bzzqyj:20250827154251").contentHash())
                .isNotEqualTo(before.get("legacy.bzzqyj:20250827154251").contentHash());
        // 20250722110000 moved from page 1 to page 2: same content, one snapshot.
        assertThat(now.get("legacy.bzzqyj:20250722110000").contentHash())
                .isEqualTo(before.get("legacy.bzzqyj:20250722110000").contentHash());
    }

    @Test
    void state102ARedesignedListFailsTheRun() {
        site.setState(102);

        ScrapeRun run = poller.poll(drafts).run();

        assertThat(run.health()).isEqualTo(Health.FAILED);
        assertThat(run.reason()).contains("layout changed");
        assertThat(poller.poll(notices).run().health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void state102AfterAGoodReadTheRedesignDegradesAndKeepsTheLastKnownDrafts() {
        Map<String, Snapshot> known = byKey(poller.poll(drafts));
        site.setState(102);

        SourceRunResult result = poller.poll(drafts);

        assertThat(result.run().health()).isEqualTo(Health.DEGRADED);
        assertThat(result.run().reason()).startsWith("layout changed");
        assertThat(result.run().complete()).isFalse();
        assertThat(byKey(result).keySet()).isEqualTo(known.keySet());
    }

    @Test
    void state103TruncationAndMissingFieldsDegradeTheRuns() {
        site.setState(103);

        SourceRunResult draftRun = poller.poll(drafts);
        SourceRunResult noticeRun = poller.poll(notices);

        assertThat(draftRun.run().health()).isEqualTo(Health.DEGRADED);
        assertThat(draftRun.run().reason()).contains("truncated");
        // Page 1 (10 rows, one a batch of 2) and the first row of page 2; the cut row is not published.
        assertThat(draftRun.snapshots()).hasSize(12).extracting(Snapshot::itemKey)
                .doesNotContain("legacy.bzzqyj:20250708093000");
        assertThat(noticeRun.run().health()).isEqualTo(Health.DEGRADED);
        assertThat(noticeRun.snapshots()).hasSize(1);
    }

    @Test
    void state104EveryLegacyPathIsASoft404() {
        site.setState(104);

        for (var adapter : List.of(drafts, notices, published)) {
            SourceRunResult result = poller.poll(adapter);
            assertThat(result.run().health()).isEqualTo(Health.FAILED);
            assertThat(result.run().reason()).startsWith("soft-404:").contains("ul.inList");
            assertThat(result.snapshots()).isEmpty();
        }
    }

    @Test
    void state105AMissingNoticesListIsTheLegacyHomepage() {
        site.setState(105);

        ScrapeRun run = poller.poll(notices).run();

        assertThat(run.health()).isEqualTo(Health.FAILED);
        assertThat(run.reason()).startsWith("soft-404:").contains("legacy homepage");
    }

    /** The published-standards query: every page a form POST from the query page, to the first empty page. */
    @Test
    void theQueryPagesAreFormPostsUntilAnEmptyPage() {
        SourceRunResult result = poller.poll(published);

        assertThat(result.run().health()).isEqualTo(Health.HEALTHY);
        assertThat(result.run().complete()).isTrue();
        assertThat(result.snapshots()).hasSize(13).extracting(Snapshot::itemKey).doesNotHaveDuplicates()
                .contains("legacy.published:GB/T 20984-2007");
        List<RecordedRequest> queries = site.requests().stream()
                .filter(r -> r.path().equals("/front/bzcx/yfgbcx.html")).toList();
        assertThat(queries).extracting(RecordedRequest::method).containsOnly("POST");
        assertThat(queries).extracting(RecordedRequest::query)
                .containsExactly("start=0&length=10", "start=10&length=10", "start=20&length=10");
        URI query = published.pageUrl(address, 1).orElseThrow();
        assertThat(queries).allSatisfy(r -> assertThat(r.header("Referer")).isEqualTo(query.toString()));
    }

    private static Map<String, Snapshot> byKey(SourceRunResult result) {
        return result.snapshots().stream().collect(Collectors.toMap(Snapshot::itemKey, Function.identity()));
    }
}
