package org.tc260watch.scraper.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Health;
import org.tc260watch.events.Listing;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.scraper.fetch.FetchSettings;
import org.tc260watch.scraper.fetch.PageFetcher;
import org.tc260watch.scraper.sim.RecordedRequest;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;
import org.tc260watch.scraper.source.portal.SuggestionListAdapter;

/**
 * The poll loop against the simulator, without Kafka: detail pages only when needed, full re-reads, the known
 * stretch, items shifting between pages, failing detail pages, the generation watch and blindness, and the cost of
 * polling an unchanged site.
 */
class PollLoopTest {

    private static final String A = "portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7";
    private static final String B = "portal.suggestion:5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c";
    private static final String C = "portal.suggestion:a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String D = "portal.suggestion:d4e5f6a7b8c94d0e8f1a2b3c4d5e6f70";
    private static final String DETAIL = "/portal/suggestion-detail/";

    private final Tc260Simulator site = new Tc260Simulator();
    private final SiteAddress address = new SiteAddress(URI.create(site.baseUrl()));
    private final PageFetcher fetcher = new PageFetcher(new FetchSettings(Duration.ZERO, 5_000_000), address.baseUrl());
    private final GenerationWatch watch = new GenerationWatch();
    /** Only {@code Poller.poll} (which publishes) uses it; these tests call {@code read}. */
    private final DeliveredPolls delivered = new DeliveredPolls(new SimpleMeterRegistry(), Optional.empty());
    private final SuggestionListAdapter suggestions = new SuggestionListAdapter();
    private final SourceAdapter portalNews =
            new StandInListAdapter("test.portal.news", SiteGeneration.PORTAL, "/portal/cms/work/10/2");
    private final SourceAdapter shtmlNotices =
            new StandInListAdapter("test.shtml.notices", SiteGeneration.SHTML, "/tc260/tzgg/list.shtml");

    @AfterEach
    void stop() {
        site.close();
    }

    private SourcePoller sourcePoller(Duration fullRecrawl) {
        return new SourcePoller(fetcher, address, 10, new RunHistory(), new SourceMemories(),
                List.of(new StandInDetailAdapter()), fullRecrawl, 3);
    }

    /** Without detail pages: the generation tests' states have none. */
    private SourcePoller listsOnly() {
        return new SourcePoller(fetcher, address, 10, new RunHistory(), new SourceMemories(), List.of(),
                Duration.ofHours(24), 3);
    }

    private Poller poller(SourcePoller sourcePoller, SourceAdapter... adapters) {
        return new Poller(List.of(adapters), sourcePoller, null, watch, Duration.ofSeconds(5), Duration.ofHours(24),
                delivered);
    }

    @Test
    void detailPagesAreFetchedOnlyForNewOrChangedItems() {
        site.setState(403);
        SourcePoller poller = sourcePoller(Duration.ofHours(24));
        SourceRunResult first = poller.poll(suggestions);
        site.setState(405).clearRequests(); // A's deadline moved: only A's list entry changed

        SourceRunResult second = poller.poll(suggestions);

        assertThat(first.run().health()).isEqualTo(Health.HEALTHY);
        assertThat(first.run().complete()).isTrue();
        assertThat(first.snapshots()).extracting(Snapshot::itemKey).containsExactly(D, A, B, C);
        assertThat(first.snapshots()).allSatisfy(s -> assertThat(s.documentNumber()).startsWith("网安秘字〔2026〕"));

        assertThat(paths(site.requests())).containsExactly(
                "/portal/suggestion",                         // changed: A's deadline
                DETAIL + "3bb57023c00a464faf4c2f7b9a5524c7",  // A only: D on the same page is unchanged
                "/portal/suggestion?page=2");                 // 304, B and C known: a known stretch, stop
        assertThat(site.requests("/portal/suggestion?page=2")).extracting(RecordedRequest::status).containsExactly(304);
        ScrapeRun run = second.run();
        assertThat(run.health()).isEqualTo(Health.HEALTHY);
        assertThat(run.complete()).as("stopped at a known stretch: the end of the list was not read").isFalse();
        assertThat(run.pagesFetched()).isEqualTo(3);
        assertThat(run.notModified()).isEqualTo(1);
        Map<String, Snapshot> after = byKey(second.snapshots());
        assertThat(after).containsOnlyKeys(D, A, B, C);
        assertThat(after.get(A).dates().commentEnd()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(after.get(A).documentNumber()).isEqualTo(byKey(first.snapshots()).get(A).documentNumber());
        for (String same : List.of(B, C, D)) {
            assertThat(after.get(same).contentHash()).isEqualTo(byKey(first.snapshots()).get(same).contentHash());
        }
    }

    @Test
    void aFullReadRereadsEveryPageAndDetailConditionally() {
        site.setState(403);
        SourcePoller poller = sourcePoller(Duration.ZERO); // every poll is a full read
        SourceRunResult first = poller.poll(suggestions);
        site.clearRequests();

        SourceRunResult second = poller.poll(suggestions);

        assertThat(paths(site.requests())).containsExactlyInAnyOrder("/portal/suggestion", "/portal/suggestion?page=2",
                "/portal/suggestion?page=3", DETAIL + "3bb57023c00a464faf4c2f7b9a5524c7",
                DETAIL + "5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c", DETAIL + "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                DETAIL + "d4e5f6a7b8c94d0e8f1a2b3c4d5e6f70");
        assertThat(site.requests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(304));
        assertThat(second.run().health()).isEqualTo(Health.HEALTHY);
        assertThat(second.run().complete()).isTrue();
        assertThat(second.run().notModified()).isEqualTo(7);
        assertThat(second.snapshots()).extracting(Snapshot::contentHash)
                .containsExactlyElementsOf(first.snapshots().stream().map(Snapshot::contentHash).toList());
    }

    @Test
    void steadyStatePollingOfAnUnchangedSiteCostsAtMostOneRequestPerListPage() {
        site.setState(403); // 2 list pages (+ a third that repeats the second), 4 detail pages
        Poller poller = poller(sourcePoller(Duration.ofHours(24)), suggestions);
        List<SourceRunResult> first = poller.read();
        int listPages = (int) site.requests().stream().filter(r -> r.path().equals("/portal/suggestion")).count();
        site.clearRequests();

        List<SourceRunResult> second = poller.read();

        List<RecordedRequest> requests = site.requests();
        assertThat(requests).isNotEmpty().hasSizeLessThanOrEqualTo(listPages);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/portal/suggestion"); // no robots.txt, no detail page
            assertThat(r.status()).isEqualTo(304);
        });
        assertThat(second).singleElement().satisfies(r -> {
            assertThat(r.run().health()).isEqualTo(Health.HEALTHY);
            assertThat(r.snapshots()).extracting(Snapshot::contentHash).containsExactlyElementsOf(
                    first.get(0).snapshots().stream().map(Snapshot::contentHash).toList());
        });
    }

    @Test
    void aSoftNotFoundAnsweredNotModifiedIsStillASoftNotFound() {
        site.setState(411); // the .shtml notices list answers the homepage
        SourcePoller poller = listsOnly();
        SourceRunResult first = poller.poll(shtmlNotices);
        site.clearRequests();

        SourceRunResult second = poller.poll(shtmlNotices);

        assertThat(site.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/tc260/tzgg/list.shtml");
            assertThat(r.status()).as("the homepage it answered is unchanged: no body").isEqualTo(304);
        });
        assertThat(List.of(first, second)).allSatisfy(r -> {
            assertThat(r.entry()).isEqualTo(EntryVerdict.MOVED);
            assertThat(r.run().health()).isEqualTo(Health.FAILED);
            assertThat(r.run().reason()).startsWith("soft-404:");
            assertThat(r.run().complete()).isFalse();
            assertThat(r.snapshots()).isEmpty();
        });
        assertThat(second.run().reason()).isEqualTo(first.run().reason());
        assertThat(second.run().errors()).isEqualTo(first.run().errors());
        assertThat(second.run().notModified()).isEqualTo(1);
    }

    @Test
    void aBlindScraperStaysBlindWhenTheUnknownPagesAnswerNotModified() {
        Poller poller = poller(listsOnly(), suggestions, portalNews, shtmlNotices);
        site.setState(411);
        poller.read();
        site.setState(412);
        poller.read();
        site.clearRequests();

        List<SourceRunResult> again = poller.read();

        assertThat(site.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(304));
        assertThat(watch.last().blind()).isTrue();
        assertThat(SiteHealthCheck.siteStatus(watch.last())).isEqualTo("blind");
        assertThat(runs(again)).extracting(ScrapeRun::source).containsExactly("portal.suggestion", "test.portal.news");
        assertThat(runs(again)).allSatisfy(r -> {
            assertThat(r.health()).isEqualTo(Health.FAILED);
            assertThat(r.reason()).startsWith(Poller.BLIND);
        });
        assertThat(again).allSatisfy(r -> assertThat(r.snapshots()).isEmpty());
    }

    @Test
    void anItemThatShiftsToPage2WhileReadingIsNeitherLostNorDuplicated() {
        site.setState(402); // page 1: A, B; page 2: B (pushed down), C

        SourceRunResult result = new SourcePoller(fetcher, address, 10, new RunHistory()).poll(suggestions);

        assertThat(result.snapshots()).extracting(Snapshot::itemKey).containsExactly(A, B, C);
        assertThat(result.run().health()).isEqualTo(Health.HEALTHY);
        assertThat(result.run().complete()).isTrue();
    }

    @Test
    void aFailingDetailPageKeepsTheListedItemAndDegradesTheRun() {
        site.setState(404); // B's detail page answers the homepage
        SourcePoller poller = sourcePoller(Duration.ofHours(24));

        SourceRunResult result = poller.poll(suggestions);
        site.clearRequests();
        SourceRunResult again = poller.poll(suggestions);

        assertThat(result.run().health()).isEqualTo(Health.DEGRADED);
        assertThat(result.run().complete()).isFalse();
        assertThat(result.run().reason()).contains("detail page of " + B + " failed: soft-404");
        Map<String, Snapshot> items = byKey(result.snapshots());
        assertThat(items).containsOnlyKeys(D, A, B, C);
        assertThat(items.get(B).documentNumber()).isNull();
        assertThat(items.get(B).title()).contains("匿名化处理指南");
        assertThat(items.get(A).documentNumber()).isNotNull();
        // Next poll: only the failed detail page is tried again.
        assertThat(paths(site.requests())).filteredOn(p -> p.startsWith(DETAIL))
                .containsExactly(DETAIL + "5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c");
        assertThat(again.run().health()).isEqualTo(Health.DEGRADED);
    }

    @Test
    void startUpProbesEveryGenerationThenOnlyTheLiveOneIsPolled() {
        site.setState(411); // portal: suggestion list and news list; .shtml: nothing
        Poller poller = poller(listsOnly(), suggestions, portalNews, shtmlNotices);

        List<SourceRunResult> first = poller.read();
        site.clearRequests();
        List<SourceRunResult> second = poller.read();

        assertThat(watch.live()).containsExactly(SiteGeneration.PORTAL);
        assertThat(runs(first)).extracting(ScrapeRun::source).containsExactly("portal.suggestion", "test.portal.news");
        assertThat(runs(first)).allSatisfy(r -> assertThat(r.health()).isEqualTo(Health.HEALTHY));
        assertThat(runs(second)).extracting(ScrapeRun::source).containsExactly("portal.suggestion", "test.portal.news");
        assertThat(site.requests("/tc260/tzgg/list.shtml")).isEmpty();
    }

    @Test
    void aGenerationSwitchIsNoticedWithinOnePollAndSaidInTheRuns() {
        site.setState(411);
        Poller poller = poller(listsOnly(), suggestions, portalNews, shtmlNotices);
        poller.read();
        site.setState(410); // the .shtml site replaced the portal: /portal/... answers the homepage

        List<SourceRunResult> switched = poller.read();
        List<SourceRunResult> after = poller.read();

        assertThat(watch.live()).containsExactly(SiteGeneration.SHTML);
        Map<String, ScrapeRun> runs = runs(switched).stream()
                .collect(Collectors.toMap(ScrapeRun::source, Function.identity()));
        assertThat(runs).containsOnlyKeys("portal.suggestion", "test.portal.news", "test.shtml.notices");
        assertThat(runs.get("portal.suggestion").health()).isEqualTo(Health.FAILED);
        assertThat(runs.get("portal.suggestion").reason())
                .startsWith("site generation changed: PORTAL → SHTML; soft-404:");
        ScrapeRun first = runs.get("test.shtml.notices");
        assertThat(first.health()).isEqualTo(Health.DEGRADED);
        assertThat(first.complete()).isFalse();
        assertThat(first.reason()).isEqualTo("site generation changed: PORTAL → SHTML (first poll of this generation)");
        assertThat(first.items()).isEqualTo(2);
        assertThat(first.generation()).isEqualTo(SiteGeneration.SHTML);
        assertThat(runs(after)).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("test.shtml.notices");
            assertThat(r.health()).isEqualTo(Health.HEALTHY);
        });
    }

    @Test
    void whenNoGenerationAnswersEveryRunFailsAsBlind() {
        Poller poller = poller(listsOnly(), suggestions, portalNews, shtmlNotices);
        site.setState(411);
        poller.read();
        site.setState(412).clearRequests(); // a homepage nobody knows answers every path

        List<SourceRunResult> blind = poller.read();

        assertThat(watch.live()).isEmpty();
        assertThat(watch.last().blind()).isTrue();
        assertThat(runs(blind)).extracting(ScrapeRun::source).containsExactly("portal.suggestion", "test.portal.news");
        assertThat(runs(blind)).allSatisfy(r -> {
            assertThat(r.health()).isEqualTo(Health.FAILED);
            assertThat(r.reason()).startsWith("blind: no known page type answers (site redesigned?)");
            assertThat(r.complete()).isFalse();
        });
        assertThat(blind).allSatisfy(r -> assertThat(r.snapshots()).isEmpty());
        assertThat(site.requests("/tc260/tzgg/list.shtml")).hasSize(1); // every generation was probed
        assertThat(SiteHealthCheck.siteStatus(watch.last())).isEqualTo("blind");

        // Still blind, now unreachable too: that is no generation change, and the last-known one's runs say why.
        site.down();
        assertThat(runs(poller.read())).extracting(ScrapeRun::source)
                .containsExactly("portal.suggestion", "test.portal.news");
        assertThat(watch.last().runs()).allSatisfy(r -> assertThat(r.reason())
                .contains("connection refused").doesNotContain("generation changed"));
        site.up().setState(411);
        assertThat(runs(poller.read())).allSatisfy(r -> assertThat(r.health()).isEqualTo(Health.HEALTHY));
        assertThat(watch.live()).containsExactly(SiteGeneration.PORTAL);
    }

    @Test
    void aRedesignOfOnePageTypeIsDegradedWithinOnePoll() {
        Poller poller = poller(listsOnly(), suggestions, portalNews, shtmlNotices);
        site.setState(411);
        poller.read();
        site.setState(413); // the suggestion list has a new layout; the news list is as before

        Map<String, SourceRunResult> results = poller.read().stream()
                .collect(Collectors.toMap(r -> r.run().source(), Function.identity()));

        assertThat(watch.live()).containsExactly(SiteGeneration.PORTAL);
        ScrapeRun redesigned = results.get("portal.suggestion").run();
        assertThat(redesigned.health()).isEqualTo(Health.DEGRADED);
        assertThat(redesigned.reason()).startsWith("layout changed");
        assertThat(redesigned.complete()).isFalse();
        // What was last known is vouched for, so nothing looks withdrawn.
        assertThat(results.get("portal.suggestion").snapshots()).extracting(Snapshot::itemKey).containsExactly(A, B, C);
        assertThat(results.get("portal.suggestion").snapshots()).extracting(Snapshot::listing)
                .containsOnly(Listing.OPEN_FOR_COMMENT);
        assertThat(results.get("test.portal.news").snapshots()).extracting(Snapshot::listing)
                .isNotEmpty().containsOnly(Listing.ARCHIVE);
        assertThat(results.get("test.portal.news").run().health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void anUnreachableSiteIsNotARedesign() {
        Poller poller = poller(listsOnly(), suggestions, portalNews, shtmlNotices);
        site.setState(411);
        poller.read();
        site.down();

        List<SourceRunResult> down = poller.read();

        assertThat(watch.live()).containsExactly(SiteGeneration.PORTAL);
        assertThat(watch.last().blind()).isFalse();
        assertThat(runs(down)).extracting(ScrapeRun::source).containsExactly("portal.suggestion", "test.portal.news");
        assertThat(runs(down)).allSatisfy(r -> {
            assertThat(r.health()).isEqualTo(Health.FAILED);
            assertThat(r.reason()).contains("connection refused");
        });
    }

    /** Lists only, an absent page type read again {@code absentRecheck} after its last read. */
    private SourcePoller absentRereadEvery(Duration absentRecheck) {
        return new SourcePoller(fetcher, address, 10, new RunHistory(), new SourceMemories(), List.of(),
                Duration.ofHours(24), 3, ScrapeMetrics.unpublished(), absentRecheck);
    }

    @Test
    void anAbsentPageTypeIsRestatedBetweenRereadsAndFoundWhenItAppears() throws Exception {
        Duration recheck = Duration.ofSeconds(2);
        Poller poller = poller(absentRereadEvery(recheck), suggestions, portalNews, shtmlNotices);
        site.setState(1); // portal: the suggestion list only; the news list answers the homepage
        ScrapeRun since = runs(poller.read()).get(1);
        for (int read = 2; read < SourcePoller.ABSENT_AFTER_READS; read++) {
            assertThat(runs(poller.read()).get(1).pagesFetched()).as("one soft 404 is no absence").isEqualTo(1);
        }
        List<SourceRunResult> first = poller.read();
        ScrapeRun absent = runs(first).get(1);
        site.clearRequests();

        List<SourceRunResult> second = poller.read();
        site.setState(411); // the news list appears
        List<SourceRunResult> third = poller.read();

        assertThat(absent.source()).isEqualTo("test.portal.news");
        assertThat(absent.health()).isEqualTo(Health.FAILED);
        assertThat(absent.pagesFetched()).isEqualTo(1);
        assertThat(site.requests("/portal/cms/work/10/2")).as("not asked before its re-read is due").isEmpty();
        for (List<SourceRunResult> restated : List.of(second, third)) {
            assertThat(runs(restated)).extracting(ScrapeRun::source)
                    .containsExactly("portal.suggestion", "test.portal.news");
            assertThat(runs(restated).get(0).health()).isEqualTo(Health.HEALTHY);
            ScrapeRun news = runs(restated).get(1);
            assertThat(news.health()).as("still said to be failing, never taken for an empty list")
                    .isEqualTo(Health.FAILED);
            assertThat(news.complete()).isFalse();
            assertThat(news.pagesFetched()).isZero();
            assertThat(news.errors()).isEqualTo(absent.errors());
            assertThat(news.reason()).startsWith(absent.reason() + " (page type absent since " + since.startedAt()
                    + "; last read " + absent.startedAt() + ", not read again before "
                    + absent.startedAt().plus(recheck) + ")");
            assertThat(restated.get(1).snapshots()).isEmpty();
        }
        assertThat(watch.live()).containsExactly(SiteGeneration.PORTAL);

        Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), absent.startedAt().plus(recheck))
                .toMillis() + 50));
        List<SourceRunResult> reread = poller.read();

        assertThat(site.requests("/portal/cms/work/10/2")).extracting(RecordedRequest::status).containsExactly(200);
        assertThat(runs(reread).get(1).health()).isEqualTo(Health.HEALTHY);
        assertThat(reread.get(1).snapshots()).isNotEmpty();
    }

    /** A soft 404 of a page type read well a moment ago is a failure (the site does that now and then), not absence. */
    @Test
    void aPageTypeReadLatelyThatAnswersTheHomepageIsReadAgainInEveryPoll() {
        Poller poller = poller(absentRereadEvery(Duration.ofHours(6)), suggestions, portalNews, shtmlNotices);
        site.setState(411);
        assertThat(runs(poller.read()).get(1).health()).isEqualTo(Health.HEALTHY);
        site.setState(1); // the news list answers the homepage now
        List<SourceRunResult> failing = poller.read();
        site.clearRequests();

        List<SourceRunResult> again = poller.read();
        site.setState(411);
        List<SourceRunResult> back = poller.read();

        assertThat(runs(failing).get(1).health()).isEqualTo(Health.FAILED);
        assertThat(runs(again).get(1).health()).isEqualTo(Health.FAILED);
        assertThat(runs(again).get(1).pagesFetched()).as("read again, not restated").isEqualTo(1);
        assertThat(runs(again).get(1).reason()).startsWith("soft-404:").doesNotContain("page type absent since");
        assertThat(site.requests("/portal/cms/work/10/2")).hasSize(2);
        assertThat(runs(back).get(1).health()).isEqualTo(Health.HEALTHY);
        assertThat(back.get(1).snapshots()).isNotEmpty();
    }

    @Test
    void absentPageTypesAreReadAgainAtOnceWhenTheLiveGenerationStopsAnswering() {
        Poller poller = poller(absentRereadEvery(Duration.ofHours(6)), suggestions, portalNews, shtmlNotices);
        site.setState(1);
        for (int read = 0; read < SourcePoller.ABSENT_AFTER_READS; read++) {
            poller.read();
        }
        poller.read(); // the news list restated
        site.down();

        List<SourceRunResult> down = poller.read();

        // A site that does not answer is no redesign, and what is known of the absent page type is restated.
        assertThat(watch.last().blind()).isFalse();
        assertThat(watch.live()).containsExactly(SiteGeneration.PORTAL);
        assertThat(runs(down)).extracting(ScrapeRun::health).containsExactly(Health.FAILED, Health.FAILED);
        assertThat(runs(down).get(0).reason()).contains("connection refused");
        assertThat(runs(down).get(1).reason()).startsWith("soft-404:").contains("not read again before");

        site.up().setState(412).clearRequests(); // a redesign: nothing known answers
        List<SourceRunResult> blind = poller.read();

        assertThat(watch.last().blind()).isTrue();
        assertThat(site.requests("/portal/cms/work/10/2")).as("every entry point probed").hasSize(1);
        assertThat(runs(blind)).extracting(ScrapeRun::source).containsExactly("portal.suggestion", "test.portal.news");
        assertThat(runs(blind)).allSatisfy(r -> {
            assertThat(r.health()).isEqualTo(Health.FAILED);
            assertThat(r.reason()).startsWith(Poller.BLIND).doesNotContain("not read again");
        });
    }

    @Test
    void aFailureStreakStopsThePollFromAskingTheSite() {
        Poller poller = poller(listsOnly(), suggestions, portalNews, shtmlNotices);
        site.setState(411);
        poller.read();
        site.clearRequests().status(503);
        SourcePoller oneFailureAllowed = new SourcePoller(fetcher, address, 10, new RunHistory(), new SourceMemories(),
                List.of(), Duration.ofHours(24), 1);
        Poller impatient = new Poller(List.of(suggestions, portalNews), oneFailureAllowed, null, watch,
                Duration.ofSeconds(5), Duration.ofHours(24), delivered);

        List<SourceRunResult> runs = impatient.read();

        assertThat(runs(runs).get(0).reason()).contains("HTTP 503");
        assertThat(runs(runs).get(1).reason()).startsWith("not fetched: the site failed 1 requests in a row");
        assertThat(site.requests("/portal/cms/work/10/2")).isEmpty();
    }

    private static List<String> paths(List<RecordedRequest> requests) {
        return requests.stream().map(RecordedRequest::pathAndQuery).toList();
    }

    private static List<ScrapeRun> runs(List<SourceRunResult> results) {
        return results.stream().map(SourceRunResult::run).toList();
    }

    private static Map<String, Snapshot> byKey(List<Snapshot> snapshots) {
        return snapshots.stream().collect(Collectors.toMap(Snapshot::itemKey, Function.identity()));
    }
}
