package org.tc260watch.scraper.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Health;
import org.tc260watch.events.Listing;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.scraper.fetch.PageFetcher;
import org.tc260watch.scraper.fetch.FetchSettings;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.portal.SuggestionListAdapter;

/** The poll loop and its health rules against the simulator, without Kafka. */
class SourcePollerTest {

    private static final String A = "portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7";
    private static final String B = "portal.suggestion:5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c";
    private static final String C = "portal.suggestion:a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String D = "portal.suggestion:d4e5f6a7b8c94d0e8f1a2b3c4d5e6f70";

    private final Tc260Simulator site = new Tc260Simulator();
    private final PageFetcher fetcher = FetchSettings.fetcher(Duration.ZERO, 5_000_000);
    private final RunHistory history = new RunHistory();
    private final SuggestionListAdapter adapter = new SuggestionListAdapter();
    private final SourcePoller poller =
            new SourcePoller(fetcher, new SiteAddress(URI.create(site.baseUrl())), 10, history);

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void readsEveryPageUntilAnEmptyOne() {
        SourceRunResult result = poller.poll(adapter);

        ScrapeRun run = result.run();
        assertThat(run.health()).isEqualTo(Health.HEALTHY);
        assertThat(run.reason()).isNull();
        assertThat(run.complete()).isTrue();
        assertThat(run.generation()).isEqualTo(SiteGeneration.PORTAL);
        assertThat(run.source()).isEqualTo("portal.suggestion");
        assertThat(run.pagesFetched()).isEqualTo(3);
        assertThat(run.items()).isEqualTo(3);
        assertThat(run.bytes()).isPositive();
        assertThat(run.errors()).isEmpty();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(result.snapshots()).extracting(Snapshot::itemKey).containsExactly(A, B, C);
        assertThat(result.snapshots()).allSatisfy(s -> {
            assertThat(s.runId()).isEqualTo(run.runId());
            assertThat(s.listing()).isEqualTo(Listing.OPEN_FOR_COMMENT);
        });
        assertThat(site.requests()).extracting(r -> r.pathAndQuery()).containsExactly(
                "/robots.txt", "/portal/suggestion", "/portal/suggestion?page=2", "/portal/suggestion?page=3");
    }

    @Test
    void stopsWhenAPageRepeatsThePreviousOne() {
        site.setState(2);

        SourceRunResult result = poller.poll(adapter);

        assertThat(result.run().health()).isEqualTo(Health.HEALTHY);
        assertThat(result.run().complete()).isTrue();
        assertThat(result.run().pagesFetched()).isEqualTo(3);
        assertThat(result.snapshots()).extracting(Snapshot::itemKey).containsExactly(D, A, B, C);
    }

    @Test
    void seesAMovedDeadlineAsNewContent() {
        site.setState(2);
        Snapshot before = snapshotOf(A);
        site.setState(3);
        Snapshot after = snapshotOf(A);

        assertThat(before.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 4, 12));
        assertThat(after.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
    }

    @Test
    void aSoft404OnTheFirstPageFailsTheRunAndPublishesNothing() {
        site.setState(4);

        SourceRunResult result = poller.poll(adapter);

        assertThat(result.run().health()).isEqualTo(Health.FAILED);
        assertThat(result.run().reason()).startsWith("soft-404:").contains("ul.inList");
        assertThat(result.run().generation()).isNull();
        assertThat(result.run().complete()).isFalse();
        assertThat(result.run().items()).isZero();
        assertThat(result.snapshots()).isEmpty();
        assertThat(result.run().errors()).singleElement()
                .satisfies(e -> assertThat(e.url()).isEqualTo(site.baseUrl() + "/portal/suggestion"));
    }

    @Test
    void aLaterPageFailingDegradesTheRunButKeepsTheGoodItems() {
        site.setState(5);

        SourceRunResult result = poller.poll(adapter);

        assertThat(result.run().health()).isEqualTo(Health.DEGRADED);
        assertThat(result.run().reason()).startsWith("page 2 failed: soft-404");
        assertThat(result.run().complete()).isFalse();
        assertThat(result.snapshots()).extracting(Snapshot::itemKey).containsExactly(A, B);
    }

    @Test
    void anEmptyListAfterItemsIsDoubtedOnce() {
        assertThat(poller.poll(adapter).run().items()).isEqualTo(3);
        site.setState(6);

        ScrapeRun doubted = poller.poll(adapter).run();
        ScrapeRun believed = poller.poll(adapter).run();

        assertThat(doubted.health()).isEqualTo(Health.DEGRADED);
        assertThat(doubted.reason()).isEqualTo("empty list, previously 3 items");
        assertThat(doubted.complete()).isFalse(); // a DEGRADED run is never complete
        assertThat(believed.health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void anUnreachableOrFailingSiteFailsTheRun() {
        site.status(503);
        ScrapeRun unavailable = poller.poll(adapter).run();
        site.up().down();
        ScrapeRun refused = poller.poll(adapter).run();

        assertThat(unavailable.health()).isEqualTo(Health.FAILED);
        assertThat(unavailable.reason()).contains("HTTP 503");
        assertThat(refused.health()).isEqualTo(Health.FAILED);
        assertThat(refused.reason()).contains("connection refused");
        assertThat(refused.pagesFetched()).isEqualTo(1);
        // Failed runs do not count as "the previous run saw no items".
        assertThat(history.previousItems("portal.suggestion")).isEmpty();
    }

    @Test
    void aBodyThatNeverEndsFailsTheRunInsteadOfHangingIt() {
        // One attempt each: PageFetcherTest shows the retries are bounded too.
        SourcePoller once = new SourcePoller(new PageFetcher(new FetchSettings(Duration.ZERO, 100_000, 1,
                Duration.ofSeconds(1))), new SiteAddress(URI.create(site.baseUrl())), 10, history);
        site.endlessBodies(Duration.ofMillis(100));
        ScrapeRun trickle = once.poll(adapter).run();
        site.endlessBodies(Duration.ZERO);
        ScrapeRun flood = once.poll(adapter).run();

        assertThat(trickle.health()).isEqualTo(Health.FAILED);
        assertThat(trickle.reason()).contains("timed out");
        assertThat(flood.health()).isEqualTo(Health.FAILED);
        assertThat(flood.reason()).contains("larger than 100000 bytes");
    }

    @Test
    void stopsAtThePageCapAndSaysTheListIsIncomplete() {
        SourcePoller capped = new SourcePoller(fetcher, new SiteAddress(URI.create(site.baseUrl())), 1, history);

        ScrapeRun run = capped.poll(adapter).run();

        assertThat(run.health()).isEqualTo(Health.DEGRADED);
        assertThat(run.reason()).contains("page cap (1)");
        assertThat(run.complete()).isFalse();
        assertThat(run.items()).isEqualTo(2);
        assertThat(site.requests()).extracting(r -> r.pathAndQuery()).containsExactly("/robots.txt", "/portal/suggestion");
    }

    private Snapshot snapshotOf(String itemKey) {
        return poller.poll(adapter).snapshots().stream().filter(s -> s.itemKey().equals(itemKey)).findFirst()
                .orElseThrow();
    }
}
