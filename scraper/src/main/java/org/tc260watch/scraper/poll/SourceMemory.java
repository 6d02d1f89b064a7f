package org.tc260watch.scraper.poll;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tc260watch.scraper.fetch.Validators;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;

/**
 * What the poll loop remembers of one source between polls, in memory (a restart forgets it, so the first poll after
 * a start reads everything): the items last published, in list order, with the list entry each came from; and the
 * last parse of each list and detail page with its validators (soft 404s and unreadable pages included), so a 304
 * reuses it, verdict and problems included, instead of re-parsing.
 */
final class SourceMemory {

    /**
     * One listed item as last published.
     *
     * @param listed    the item as the list page showed it
     * @param published what was published for it: the detailed item(s) (several for a batch notice), or the listed
     *                  item when it has no detail page or its detail page failed
     * @param detailed  its detail page was read cleanly for exactly this list entry, so it need not be read again
     */
    record Remembered(ObservedItem listed, List<ObservedItem> published, boolean detailed) {
        Remembered {
            published = List.copyOf(published);
        }
    }

    record CachedPage(Validators validators, ParsedPage parsed) {
    }

    /** A detail page's parse depends on the list entry it completes, so the entry is part of the cache key. */
    record CachedDetail(Validators validators, ObservedItem listed, ParsedPage parsed) {
    }

    /**
     * The last read of a source whose page 1 was a soft 404 (its page type absent from the site), and since when it
     * has been absent.
     */
    record Absent(SourceRunResult lastRead, Instant since) {
    }

    /** Listed item key → what was published for it, in list order. */
    volatile Map<String, Remembered> items = Map.of();
    /** {@link org.tc260watch.scraper.fetch.PageRequest#key()} of a list page → its last parse. */
    final Map<String, CachedPage> pages = new ConcurrentHashMap<>();
    /** Detail URL → its last parse. */
    final Map<String, CachedDetail> details = new ConcurrentHashMap<>();
    /** When the last full read (every page, every detail) started; null: never. */
    volatile Instant lastFullRead;
    /** The content hash of each item last published (it depends on the item alone, for a given source). */
    volatile Map<ObservedItem, String> contentHashes = Map.of();
    /** Set while the last read found the page type absent; null otherwise. */
    volatile Absent absent;
    /** When a run of this source last was not FAILED; null: never since the start. */
    volatile Instant lastGoodRead;
    /** Reads in a row whose page 1 was a soft 404, and when the first of them started (null: the last was not one). */
    volatile int softNotFoundReads;
    volatile Instant softNotFoundSince;

    void replaceItems(LinkedHashMap<String, Remembered> next) {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(next));
    }
}
