package org.tc260watch.scraper.poll;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.portal.SuggestionListAdapter;

/**
 * A stand-in detail page type of {@code portal.suggestion} for the poll-loop tests (the real one is the portal
 * adapters' business): {@code div.test-detail} with the document number in {@code span.docno}; the homepage is a
 * soft 404.
 */
final class StandInDetailAdapter implements DetailAdapter {

    @Override
    public Set<String> sources() {
        return Set.of(SuggestionListAdapter.SOURCE);
    }

    @Override
    public Optional<URI> detailUrl(ObservedItem listed, SiteAddress site) {
        return Optional.of(URI.create(listed.sourceUrl()));
    }

    @Override
    public ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site) {
        Document doc = Jsoup.parse(page.body(), page.url().toString());
        Element detail = doc.selectFirst("div.test-detail");
        if (detail == null) {
            return ParsedPage.softNotFound("not a detail page (title '" + doc.title() + "')");
        }
        String docno = detail.select("span.docno").text();
        ObservedItem detailed = new ObservedItem(listed.itemKey(), listed.sourceUrl(), listed.kind(), listed.title(),
                listed.standardIds(), listed.bookTitles(), listed.stage(), listed.dates(), listed.attachments(), docno);
        return ParsedPage.items(List.of(detailed), List.of(detail.attr("data-id")), List.of(), false);
    }
}
