package org.tc260watch.scraper.source;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tc260watch.scraper.fetch.FetchedPage;

/**
 * Knows one detail page type of one site generation (a comment notice, an article): where a listed item's detail
 * page is and what it adds to the item (body facts, attachments, document number, the standards of a batch notice).
 * Pure like {@link SourceAdapter}: the poll loop fetches, the adapter parses.
 *
 * <p>The poll loop fetches a detail page only for items that are new or whose list entry changed, and on the
 * periodic full re-crawl; otherwise it reuses the last result.
 */
public interface DetailAdapter {

    /**
     * The list sources ({@link SourceAdapter#source()}) whose items link to this page type; one page type often
     * details the items of several lists (an article page serves 通知公告, 新闻动态 and 出版物 alike).
     */
    Set<String> sources();

    /** Which detail page type details each list source's items; two for one source is a wiring error. */
    static Map<String, DetailAdapter> bySource(Collection<DetailAdapter> adapters) {
        Map<String, DetailAdapter> bySource = new HashMap<>();
        for (DetailAdapter adapter : adapters) {
            for (String source : adapter.sources()) {
                DetailAdapter other = bySource.putIfAbsent(source, adapter);
                if (other != null) {
                    throw new IllegalStateException("two detail adapters for " + source + ": "
                            + other.getClass().getName() + ", " + adapter.getClass().getName());
                }
            }
        }
        return Map.copyOf(bySource);
    }

    /** The detail page of a listed item; empty when it has none (the listed item is then published as it is). */
    Optional<URI> detailUrl(ObservedItem listed, SiteAddress site);

    /**
     * Reads a listed item's detail page. Items: the listed item completed with what the page says (see
     * {@code parse.NoticeReader}), or one item per standard when the page is a batch notice. A page that is not this
     * page type gives {@link ParsedPage.Verdict#SOFT_404} or {@link ParsedPage.Verdict#UNRECOGNISED}; the poll loop
     * then keeps the listed item as it is and marks the run DEGRADED. Must never throw on bad HTML.
     */
    ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site);
}
