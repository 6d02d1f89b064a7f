package org.tc260watch.scraper.poll;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeError;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;
import org.tc260watch.scraper.config.ScraperConfig;
import org.tc260watch.scraper.fetch.FetchException;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.fetch.PageFetcher;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * Polls one source: reads its list pages from page 1 until a page is empty or repeats the previous one, and
 * judges how far the result can be trusted.
 *
 * <ul>
 *   <li>FAILED: the first page could not be fetched, or it is not the page type (soft 404, new layout);
 *   nothing is published but the run.</li>
 *   <li>DEGRADED: a later page failed, items were skipped for missing fields, a page was truncated, the page cap
 *   was hit, or the list came back empty after a run that saw items.</li>
 *   <li>HEALTHY: every page was read cleanly.</li>
 * </ul>
 * {@code complete} is true only when the end of the list was reached.
 */
@Singleton
public class SourcePoller {

    private final PageFetcher fetcher;
    private final SiteAddress site;
    private final int maxPages;
    private final RunHistory history;

    @Inject
    public SourcePoller(PageFetcher fetcher, ScraperConfig config, RunHistory history) {
        this(fetcher, new SiteAddress(config.baseUrl()), config.maxPages(), history);
    }

    public SourcePoller(PageFetcher fetcher, SiteAddress site, int maxPages, RunHistory history) {
        this.fetcher = fetcher;
        this.site = site;
        this.maxPages = maxPages;
        this.history = history;
    }

    public SourceRunResult poll(SourceAdapter adapter) {
        String runId = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        List<ScrapeError> errors = new ArrayList<>();
        List<String> doubts = new ArrayList<>();
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        String failure = null;
        boolean complete = false;
        int pagesFetched = 0;
        long bytes = 0;
        List<String> previousPageIds = null;

        for (int n = 1; ; n++) {
            Optional<URI> url = adapter.pageUrl(site, n);
            if (url.isEmpty()) {
                complete = true;
                break;
            }
            if (n > maxPages) {
                doubts.add("stopped at the page cap (" + maxPages + ") before the end of the list");
                break;
            }
            String problem;
            FetchedPage page = null;
            pagesFetched++;
            try {
                page = fetcher.get(url.get());
                bytes += page.bytes();
                problem = adapter.accepts(page) ? null
                        : "not an HTML page (Content-Type " + page.contentType() + ")";
            } catch (FetchException e) {
                problem = e.getMessage();
            }
            ParsedPage parsed = page == null || problem != null ? null : adapter.parse(page, site);
            if (parsed != null && (parsed.verdict() == ParsedPage.Verdict.SOFT_404
                    || parsed.verdict() == ParsedPage.Verdict.UNRECOGNISED)) {
                problem = parsed.reason();
            }
            if (problem != null) {
                errors.add(new ScrapeError(url.get().toString(), problem));
                if (n == 1) {
                    failure = problem;
                } else {
                    doubts.add("page " + n + " failed: " + problem);
                }
                break;
            }
            if (parsed.verdict() == ParsedPage.Verdict.ITEMS && parsed.listedIds().equals(previousPageIds)) {
                // Some sites answer a page past the end with the last page again.
                complete = true;
                break;
            }
            for (String itemProblem : parsed.problems()) {
                errors.add(new ScrapeError(url.get().toString(), itemProblem));
                doubts.add("page " + n + ": " + itemProblem);
            }
            for (ObservedItem item : parsed.items()) {
                // An item can move to the next page while we read; the first sighting is as good as the second.
                snapshots.putIfAbsent(item.itemKey(),
                        item.toSnapshot(adapter.source(), adapter.generation(), page.fetchedAt(), runId));
            }
            if (parsed.verdict() == ParsedPage.Verdict.EMPTY_LIST) {
                complete = !parsed.truncated();
                break;
            }
            if (parsed.truncated()) {
                break;
            }
            if (parsed.lastPage()) {
                complete = true;
                break;
            }
            previousPageIds = parsed.listedIds();
        }

        Health health;
        String reason;
        List<Snapshot> published = failure == null ? List.copyOf(snapshots.values()) : List.of();
        OptionalInt previous = history.previousItems(adapter.source());
        if (failure != null) {
            health = Health.FAILED;
            reason = failure;
            complete = false;
        } else if (!doubts.isEmpty()) {
            health = Health.DEGRADED;
            reason = String.join("; ", doubts);
        } else if (published.isEmpty() && previous.orElse(0) > 0) {
            health = Health.DEGRADED;
            reason = "empty list, previously " + previous.getAsInt() + " items";
        } else {
            health = Health.HEALTHY;
            reason = null;
        }
        ScrapeRun run = new ScrapeRun(runId, adapter.source(), failure == null ? adapter.generation() : null,
                pagesFetched, bytes, published.size(), 0, errors, health, reason, complete, startedAt, Instant.now());
        history.record(run);
        return new SourceRunResult(run, published);
    }
}
