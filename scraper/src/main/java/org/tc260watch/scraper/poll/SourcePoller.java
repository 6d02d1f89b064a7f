package org.tc260watch.scraper.poll;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeError;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;
import org.tc260watch.scraper.config.ScraperConfig;
import org.tc260watch.scraper.fetch.FetchException;
import org.tc260watch.scraper.fetch.FetchResult;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.fetch.PageFetcher;
import org.tc260watch.scraper.fetch.PageRequest;
import org.tc260watch.scraper.fetch.Validators;
import org.tc260watch.scraper.poll.SourceMemory.CachedDetail;
import org.tc260watch.scraper.poll.SourceMemory.CachedPage;
import org.tc260watch.scraper.poll.SourceMemory.Remembered;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * Polls one source: reads its list pages from page 1, completes new or changed items from their detail pages, and
 * judges how far the result can be trusted.
 *
 * <p><b>What is read.</b> List pages are followed until the end of the list (an empty page, a page that repeats the
 * previous one, no further page), the page cap, or an <em>already-known stretch</em>: a whole clean page whose items
 * are all known with an unchanged list entry (and no remembered item waits for a failed detail page to be retried).
 * Unchanged GET pages cost a 304 and reuse their last parse. A detail page
 * is fetched only for an item that is new, whose list entry changed, or whose detail page failed last time; other
 * items reuse what was published for them. Every {@code full-recrawl-interval} a poll reads everything: no stop at a
 * known stretch, every detail page (conditionally, so unchanged ones cost a 304).
 *
 * <p><b>What is published.</b> Every run publishes the source's whole item set as far as it knows it: the items read
 * now, plus, when the run did not reach the end of the list (known stretch, page cap, a later page failed), the
 * last-known items of the unread part, so that no item ever looks gone because it was not read. An item that moves
 * to the next page while the list is read is published once, from its first sighting; one that moves up to an
 * already-read page is carried over from the last-known set the same way.
 *
 * <p><b>Health.</b>
 * <ul>
 *   <li>FAILED: page 1 could not be fetched, or it is a soft 404 (another page with HTTP 200); or it has an
 *   unrecognised layout and the source never parsed. Nothing is published but the run.</li>
 *   <li>DEGRADED: page 1's layout is unrecognised while it used to parse (reason {@code layout changed: …}; the
 *   last-known items are published); a later page failed; items or detail pages could not be read; a page was
 *   truncated; the page cap was hit; or the list came back empty after a run that saw items.</li>
 *   <li>HEALTHY: everything read was read cleanly.</li>
 * </ul>
 * {@code complete} is true only for a HEALTHY run that read to the end of the list; only such runs may be read as
 * "an item that is not in it is gone". A run that stops at a known stretch is HEALTHY but not complete: removals are
 * confirmed by the next full read (or any run that happens to read to the end).
 */
@Singleton
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);
    private static final String LAYOUT_CHANGED = "layout changed";
    /** A long read (the first full read at a polite pace takes minutes) says how far it got this often. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final PageFetcher fetcher;
    private final SiteAddress site;
    private final int maxPages;
    private final RunHistory history;
    private final SourceMemories memories;
    private final Map<String, DetailAdapter> detailAdapters;
    private final Duration fullRecrawlInterval;
    private final int maxFailuresInARow;
    private final ScrapeMetrics metrics;
    /** Soft 404s in a row of a page type's page 1 before it counts as absent from the site. */
    static final int ABSENT_AFTER_READS = 3;

    private final Duration absentRecheckInterval;

    @Inject
    public SourcePoller(PageFetcher fetcher, ScraperConfig config, RunHistory history, SourceMemories memories,
            @Any Instance<DetailAdapter> detailAdapters, ScrapeMetrics metrics) {
        this(fetcher, new SiteAddress(config.baseUrl()), config.maxPages(), history, memories,
                detailAdapters.stream().toList(), config.fullRecrawlInterval(), config.maxFailuresInARow(), metrics,
                config.absentRecheckInterval());
    }

    /** Without detail pages, reading everything every time (for tests of the list logic). */
    public SourcePoller(PageFetcher fetcher, SiteAddress site, int maxPages, RunHistory history) {
        this(fetcher, site, maxPages, history, new SourceMemories(), List.of(), Duration.ZERO, 3);
    }

    public SourcePoller(PageFetcher fetcher, SiteAddress site, int maxPages, RunHistory history,
            SourceMemories memories, List<DetailAdapter> detailAdapters, Duration fullRecrawlInterval,
            int maxFailuresInARow) {
        this(fetcher, site, maxPages, history, memories, detailAdapters, fullRecrawlInterval, maxFailuresInARow,
                ScrapeMetrics.unpublished(), Duration.ZERO);
    }

    public SourcePoller(PageFetcher fetcher, SiteAddress site, int maxPages, RunHistory history,
            SourceMemories memories, List<DetailAdapter> detailAdapters, Duration fullRecrawlInterval,
            int maxFailuresInARow, ScrapeMetrics metrics, Duration absentRecheckInterval) {
        this.metrics = metrics;
        this.absentRecheckInterval = absentRecheckInterval;
        this.fetcher = fetcher;
        this.site = site;
        this.maxPages = maxPages;
        this.history = history;
        this.memories = memories;
        this.detailAdapters = DetailAdapter.bySource(detailAdapters);
        this.fullRecrawlInterval = fullRecrawlInterval;
        this.maxFailuresInARow = maxFailuresInARow;
    }

    public SiteAddress site() {
        return site;
    }

    /** One run in a poll of its own. */
    public SourceRunResult poll(SourceAdapter adapter) {
        return poll(adapter, new PollSession(fetcher, maxFailuresInARow));
    }

    public PollSession newSession() {
        return new PollSession(fetcher, maxFailuresInARow);
    }

    public SourceRunResult poll(SourceAdapter adapter, PollSession session) {
        SourceRunResult result = new Run(adapter, session).read();
        SourceMemory memory = memories.of(adapter.source());
        Instant started = result.run().startedAt();
        if (result.run().health() != Health.FAILED) {
            memory.lastGoodRead = started;
        }
        if (result.entry() == EntryVerdict.MOVED && result.run().health() == Health.FAILED) {
            memory.softNotFoundSince = memory.softNotFoundSince == null ? started : memory.softNotFoundSince;
            memory.softNotFoundReads++;
        } else {
            memory.softNotFoundSince = null;
            memory.softNotFoundReads = 0;
        }
        // The real site answers with its homepage now and then, and a restart forgets what was read: a page type is
        // absent only after several soft 404s in a row, and not while it was read well within the re-read interval.
        boolean readLately = memory.lastGoodRead != null
                && memory.lastGoodRead.plus(absentRecheckInterval).isAfter(started);
        memory.absent = memory.softNotFoundReads >= ABSENT_AFTER_READS && !readLately
                ? new SourceMemory.Absent(result, memory.softNotFoundSince) : null;
        return result;
    }

    /**
     * For a source whose page type was absent at its last read (page 1 a soft 404) less than
     * {@code absent-recheck-interval} ago: that verdict restated in a new FAILED run that reads nothing, its reason
     * saying when the page was read and when it will be read again. Empty when the source is to be read. The entry
     * verdict is unknown (null): the poll loop must not take a restated verdict for what the site answers now.
     */
    Optional<SourceRunResult> restatedAbsence(SourceAdapter adapter, Instant now) {
        SourceMemory.Absent absent = memories.of(adapter.source()).absent;
        if (absent == null || absentRecheckInterval.isZero()) {
            return Optional.empty();
        }
        ScrapeRun last = absent.lastRead().run();
        Instant next = last.startedAt().plus(absentRecheckInterval);
        if (!next.isAfter(now)) {
            return Optional.empty();
        }
        ScrapeRun run = new ScrapeRun(UUID.randomUUID().toString(), last.source(), null, 0, 0, 0, 0, last.errors(),
                Health.FAILED, last.reason() + " (page type absent since " + absent.since() + "; last read "
                        + last.startedAt() + ", not read again before " + next + ")", false, now, now);
        return Optional.of(new SourceRunResult(run, List.of(), null, 0, 0));
    }

    /** The state of one run while it reads. */
    private final class Run {

        private final SourceAdapter adapter;
        private final PollSession session;
        private final SourceMemory memory;
        private final DetailAdapter details;
        private final String runId = UUID.randomUUID().toString();
        private final Instant startedAt = Instant.now();
        private final boolean full;
        private final List<ScrapeError> errors = new ArrayList<>();
        private final List<String> doubts = new ArrayList<>();
        /** Listed item key → this run's reading of it, in list order. */
        private final LinkedHashMap<String, Remembered> read = new LinkedHashMap<>();
        private int pagesFetched;
        private int notModified;
        private long bytes;
        private int newItems;
        private int changedItems;
        private int listPage;
        private Instant lastProgress = startedAt;

        Run(SourceAdapter adapter, PollSession session) {
            this.adapter = adapter;
            this.session = session;
            this.memory = memories.of(adapter.source());
            this.details = detailAdapters.get(adapter.source());
            Instant last = memory.lastFullRead;
            this.full = last == null || !last.plus(fullRecrawlInterval).isAfter(startedAt);
        }

        SourceRunResult read() {
            String failure = null;
            EntryVerdict entry = null;
            boolean reachedEnd = false;
            boolean allPagesRead = false;
            List<String> previousPageIds = null;
            // A detail page that failed last time is retried, so no known stretch may hide its item.
            boolean nothingPending = memory.items.values().stream().allMatch(Remembered::detailed);

            for (int n = 1; ; n++) {
                Optional<PageRequest> request = adapter.pageRequest(site, n);
                if (request.isEmpty()) {
                    reachedEnd = true;
                    break;
                }
                if (n > maxPages) {
                    doubts.add("stopped at the page cap (" + maxPages + ") before the end of the list");
                    allPagesRead = true;
                    break;
                }
                URI url = request.get().url();
                listPage = n;
                Reading page = readListPage(request.get());
                String problem = page.problem();
                ParsedPage parsed = page.parsed();
                if (problem == null && (parsed.verdict() == ParsedPage.Verdict.SOFT_404
                        || parsed.verdict() == ParsedPage.Verdict.UNRECOGNISED)) {
                    problem = parsed.reason() == null ? parsed.verdict().name() : parsed.reason();
                }
                if (problem != null) {
                    boolean changed = parsed != null && parsed.verdict() == ParsedPage.Verdict.UNRECOGNISED;
                    if (changed && !problem.startsWith(LAYOUT_CHANGED)) {
                        problem = LAYOUT_CHANGED + ": " + problem;
                    }
                    errors.add(new ScrapeError(url.toString(), problem));
                    if (n == 1) {
                        failure = problem;
                        entry = parsed == null ? EntryVerdict.UNREACHABLE
                                : changed ? EntryVerdict.CHANGED : EntryVerdict.MOVED;
                    } else {
                        doubts.add("page " + n + " failed: " + problem);
                    }
                    break;
                }
                if (n == 1) {
                    entry = EntryVerdict.ANSWERS;
                }
                if (parsed.verdict() == ParsedPage.Verdict.ITEMS && parsed.listedIds().equals(previousPageIds)) {
                    // Some sites answer a page past the end with the last page again.
                    reachedEnd = true;
                    break;
                }
                for (String itemProblem : parsed.problems()) {
                    errors.add(new ScrapeError(url.toString(), itemProblem));
                    doubts.add("page " + n + ": " + itemProblem);
                }
                int unreadable = parsed.listedIds().size() - parsed.items().size();
                if (unreadable > 0 && unreadable * 2 > parsed.listedIds().size()) {
                    doubts.add("page " + n + ": required fields missing on most items (" + unreadable + " of "
                            + parsed.listedIds().size() + ")");
                }
                boolean allKnown = !full && nothingPending && parsed.verdict() == ParsedPage.Verdict.ITEMS && parsed.clean()
                        && !parsed.items().isEmpty();
                for (ObservedItem item : parsed.items()) {
                    if (read.containsKey(item.itemKey())) {
                        continue; // moved to this page while we read: the first sighting stands
                    }
                    Remembered before = memory.items.get(item.itemKey());
                    boolean unchanged = before != null && before.listed().equals(item);
                    if (before == null) {
                        newItems++;
                    } else if (!unchanged) {
                        changedItems++;
                    }
                    allKnown &= unchanged;
                    read.put(item.itemKey(), complete(item, before, unchanged));
                }
                if (parsed.verdict() == ParsedPage.Verdict.EMPTY_LIST) {
                    reachedEnd = !parsed.truncated();
                    break;
                }
                if (parsed.truncated()) {
                    break;
                }
                if (parsed.lastPage()) {
                    // The page says it is the last one (a pager, a total): asking further would get a soft 404.
                    reachedEnd = true;
                    break;
                }
                if (allKnown) {
                    // An already-known stretch: the rest of the list is taken to be as it was.
                    break;
                }
                previousPageIds = parsed.listedIds();
            }
            allPagesRead |= reachedEnd;
            return judge(failure, entry, reachedEnd, allPagesRead);
        }

        private record Reading(ParsedPage parsed, String problem) {
        }

        /** Page n of the list: a 304 reuses the last parse of the same request. */
        private Reading readListPage(PageRequest request) {
            pagesFetched++;
            CachedPage cached = memory.pages.get(request.key());
            try {
                FetchResult result = session.fetch(request, cached == null ? Validators.NONE : cached.validators());
                if (result.notModified()) {
                    notModified++;
                    metrics.notModified(adapter.source(), ScrapeMetrics.Page.LIST);
                    return new Reading(cached.parsed(), null);
                }
                FetchedPage page = result.page().orElseThrow();
                bytes += page.bytes();
                metrics.fetched(adapter.source(), ScrapeMetrics.Page.LIST, page.bytes());
                if (isDownload(page)) {
                    memory.pages.remove(request.key());
                    return new Reading(null, "not a page (Content-Type " + page.contentType() + ")");
                }
                ParsedPage parsed = parseSafely(() -> adapter.parse(page, site));
                metrics.parsed(adapter.source(), ScrapeMetrics.Page.LIST, parsed);
                // Every parse is kept, a soft 404 or an unreadable page too: a 304 says the site still sends the
                // same bytes, so the same parse, with its verdict and problems, stands (in memory: same adapters).
                if (!result.validators().isEmpty() && !request.isPost()) {
                    memory.pages.put(request.key(), new CachedPage(result.validators(), parsed));
                } else {
                    memory.pages.remove(request.key());
                }
                return new Reading(parsed, null);
            } catch (FetchException e) {
                metrics.failed(adapter.source(), ScrapeMetrics.Page.LIST, e);
                return new Reading(null, e.getMessage());
            } finally {
                progress();
            }
        }

        /** Every {@link #PROGRESS_EVERY} of a run, one line that says how far it got. */
        private void progress() {
            Instant now = Instant.now();
            if (Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) < 0) {
                return;
            }
            lastProgress = now;
            LOG.infof("%s: %s in progress: list page %d (at most %d), %d item(s) so far, %d page(s) fetched "
                    + "(%d not modified), %s", adapter.source(), full ? "full read" : "read", listPage, maxPages,
                    read.size(), pagesFetched, notModified, PollLog.seconds(Duration.between(startedAt, now)));
        }

        /**
         * A listed item as it is to be published: from its detail page when it is new, changed, not yet detailed,
         * or on a full read; otherwise as published last time. A failed detail page keeps the listed item (or,
         * when the list entry did not change, what its last good detail page gave) and degrades the run.
         */
        private Remembered complete(ObservedItem item, Remembered before, boolean unchanged) {
            if (details == null) {
                return new Remembered(item, List.of(item), true);
            }
            Optional<URI> detailUrl;
            try {
                detailUrl = details.detailUrl(item, site);
            } catch (RuntimeException e) {
                return detailFailed(item, before, unchanged, null, "detail adapter failed: " + e);
            }
            if (detailUrl.isEmpty()) {
                return new Remembered(item, List.of(item), true);
            }
            if (unchanged && before.detailed() && !full) {
                return before;
            }
            String url = detailUrl.get().toString();
            CachedDetail cached = memory.details.get(url);
            boolean cacheFits = cached != null && cached.listed().equals(item);
            pagesFetched++;
            ParsedPage parsed;
            try {
                FetchResult result = session.fetch(PageRequest.get(detailUrl.get()),
                        cacheFits ? cached.validators() : Validators.NONE);
                if (result.notModified()) {
                    notModified++;
                    metrics.notModified(adapter.source(), ScrapeMetrics.Page.DETAIL);
                    parsed = cached.parsed();
                } else {
                    FetchedPage page = result.page().orElseThrow();
                    bytes += page.bytes();
                    metrics.fetched(adapter.source(), ScrapeMetrics.Page.DETAIL, page.bytes());
                    if (isDownload(page)) {
                        memory.details.remove(url);
                        return detailFailed(item, before, unchanged, url,
                                "not a page (Content-Type " + page.contentType() + ")");
                    }
                    parsed = parseSafely(() -> details.parse(item, page, site));
                    metrics.parsed(adapter.source(), ScrapeMetrics.Page.DETAIL, parsed);
                    if (!result.validators().isEmpty()) {
                        memory.details.put(url, new CachedDetail(result.validators(), item, parsed));
                    } else {
                        memory.details.remove(url);
                    }
                }
            } catch (FetchException e) {
                metrics.failed(adapter.source(), ScrapeMetrics.Page.DETAIL, e);
                return detailFailed(item, before, unchanged, url, e.getMessage());
            } finally {
                progress();
            }
            if (parsed.verdict() == ParsedPage.Verdict.SOFT_404 || parsed.verdict() == ParsedPage.Verdict.UNRECOGNISED) {
                return detailFailed(item, before, unchanged, url, parsed.reason());
            }
            for (String problem : parsed.problems()) {
                errors.add(new ScrapeError(url, problem));
                doubts.add("detail page of " + item.itemKey() + ": " + problem);
            }
            List<ObservedItem> published = parsed.items().isEmpty() ? List.of(item) : parsed.items();
            return new Remembered(item, published, parsed.clean());
        }

        private Remembered detailFailed(ObservedItem item, Remembered before, boolean unchanged, String url,
                String problem) {
            errors.add(new ScrapeError(url, problem));
            doubts.add("detail page of " + item.itemKey() + " failed: " + problem);
            if (unchanged && before.published().stream().anyMatch(p -> !p.equals(item))) {
                // Publishing the bare listing instead would look like lost attachments and facts.
                return new Remembered(item, before.published(), false);
            }
            return new Remembered(item, List.of(item), false);
        }

        private SourceRunResult judge(String failure, EntryVerdict entry, boolean reachedEnd, boolean allPagesRead) {
            Health health;
            String reason;
            boolean complete = false;
            LinkedHashMap<String, Remembered> published = new LinkedHashMap<>();
            OptionalInt previous = history.previousItems(adapter.source());
            if (failure != null) {
                if (entry == EntryVerdict.CHANGED && history.everRead(adapter.source())) {
                    // A redesign of a page that used to parse: say so, and vouch for what was last known.
                    health = Health.DEGRADED;
                    published.putAll(memory.items);
                } else {
                    health = Health.FAILED;
                }
                reason = failure;
            } else {
                published.putAll(read);
                boolean emptied = doubts.isEmpty() && read.isEmpty() && previous.orElse(0) > 0;
                if (!doubts.isEmpty()) {
                    health = Health.DEGRADED;
                    reason = String.join("; ", doubts);
                } else if (emptied) {
                    health = Health.DEGRADED;
                    reason = "empty list, previously " + previous.getAsInt() + " items";
                } else {
                    health = Health.HEALTHY;
                    reason = null;
                }
                complete = reachedEnd && health == Health.HEALTHY;
                if (!complete && !emptied) {
                    // Only a clean read to the end of the list may drop an item: anything less vouches for what
                    // was last known (a row skipped for a missing field, an early stop, a page that failed). A list
                    // that came back empty is doubted once as it is (DEGRADED runs never count as absence), and
                    // believed if it is empty again.
                    memory.items.forEach(published::putIfAbsent);
                }
                memory.replaceItems(published);
                if (full && allPagesRead) {
                    memory.lastFullRead = startedAt;
                }
            }
            Instant observedAt = Instant.now();
            LinkedHashMap<String, Snapshot> snapshots = new LinkedHashMap<>();
            if (health != Health.FAILED) {
                // The whole item set is published every run: an item's hash is computed once, not every poll.
                Map<ObservedItem, String> hashes = new HashMap<>();
                for (Remembered remembered : published.values()) {
                    for (ObservedItem item : remembered.published()) {
                        if (snapshots.containsKey(item.itemKey())) {
                            continue;
                        }
                        String hash = memory.contentHashes.get(item);
                        hashes.put(item, hash != null ? hash
                                : item.contentHash(adapter.source(), adapter.generation()));
                        snapshots.put(item.itemKey(), item.toSnapshot(adapter.source(), adapter.generation(),
                                adapter.listing(), observedAt, runId, hashes.get(item)));
                    }
                }
                memory.contentHashes = hashes;
            }
            List<Snapshot> items = List.copyOf(snapshots.values());
            ScrapeRun run = new ScrapeRun(runId, adapter.source(), health == Health.FAILED ? null : adapter.generation(),
                    pagesFetched, bytes, items.size(), notModified, errors, health, reason, complete, startedAt,
                    Instant.now());
            history.record(run);
            metrics.polled(adapter.source(), Duration.between(startedAt, run.finishedAt()));
            return new SourceRunResult(run, items, entry, newItems, changedItems);
        }

        private ParsedPage parseSafely(java.util.function.Supplier<ParsedPage> parse) {
            try {
                return parse.get();
            } catch (RuntimeException e) {
                // Adapters must not throw; one that does is treated as not knowing the page.
                LOG.errorf(e, "%s: adapter threw while parsing", adapter.source());
                return ParsedPage.unrecognised(LAYOUT_CHANGED + "? the adapter failed: " + e);
            }
        }
    }

    /** An attachment or other download where a page was expected (the site serves them as x-msdownload). */
    static boolean isDownload(FetchedPage page) {
        String type = page.contentType().toLowerCase(java.util.Locale.ROOT);
        return !(page.isHtml() || type.startsWith("text/") || type.contains("json") || type.contains("xml"));
    }
}
