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
import org.tc260watch.scraper.poll.SourcePoller;
import org.tc260watch.scraper.poll.SourceRunResult;
import org.tc260watch.scraper.sim.RecordedRequest;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/** The legacy simulator states (100+) through the real fetcher and poll loop, without Kafka. */
class LegacySiteStatesTest {

    private final Tc260Simulator site = new Tc260Simulator(Tc260Simulator.DEFAULT_FIXTURE_ROOT, 100);
    private final SiteAddress address = new SiteAddress(URI.create(site.baseUrl()));
    private final SourcePoller poller = new SourcePoller(FetchSettings.fetcher(Duration.ZERO, 5_000_000), address,
            10, new RunHistory());
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
        assertThat(draftRun.run().items()).isEqualTo(12);
        assertThat(draftRun.run().pagesFetched()).isEqualTo(3);
        // Page 2 is GBK on the wire: the fetcher decodes it by the header's charset.
        assertThat(byKey(draftRun).get("legacy.bzzqyj:20250708093000").title())
                .isEqualTo("关于国家标准《网络安全技术 网络安全漏洞管理规范》征求意见稿征求意见的通知");
        assertThat(noticeRun.run().items()).isEqualTo(6);
        assertThat(publishedRun.run().items()).isEqualTo(13);
        assertThat(site.requests()).extracting(RecordedRequest::pathAndQuery)
                .filteredOn(p -> !p.equals("/robots.txt")).containsExactly(
                "/front/bzzqyjList.html?start=0&length=10", "/front/bzzqyjList.html?start=10&length=10",
                "/front/bzzqyjList.html?start=20&length=10",
                "/front/postList.html?start=0&length=10", "/front/postList.html?start=10&length=10",
                "/front/bzcx/yfgbcx.html?start=0&length=10", "/front/bzcx/yfgbcx.html?start=10&length=10",
                "/front/bzcx/yfgbcx.html?start=20&length=10");
    }

    @Test
    void state101HasANewDraftAMovedDeadlineAndAShiftedItemOnce() {
        Map<String, Snapshot> before = byKey(poller.poll(drafts));
        site.setState(101);
        SourceRunResult after = poller.poll(drafts);

        assertThat(after.run().health()).isEqualTo(Health.HEALTHY);
        assertThat(after.snapshots()).hasSize(13);
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
    void state103TruncationAndMissingFieldsDegradeTheRuns() {
        site.setState(103);

        SourceRunResult draftRun = poller.poll(drafts);
        SourceRunResult noticeRun = poller.poll(notices);

        assertThat(draftRun.run().health()).isEqualTo(Health.DEGRADED);
        assertThat(draftRun.run().reason()).contains("truncated");
        assertThat(draftRun.snapshots()).hasSize(11);
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
