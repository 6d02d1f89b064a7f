package org.tc260watch.scraper.poll;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * A stand-in list page type of any generation for the poll-loop tests (not a CDI bean): a one-page list that knows
 * its page by {@code <body data-page-type="<source>">} and its items by {@code li[data-id]}. Another
 * {@code data-page-type} is a layout it does not know; the homepage (or anything else) is a soft 404. It stands in
 * for notice and news lists, so its listing is {@link Listing#ARCHIVE}.
 */
final class StandInListAdapter implements SourceAdapter {

    private final String source;
    private final SiteGeneration generation;
    private final String path;

    StandInListAdapter(String source, SiteGeneration generation, String path) {
        this.source = source;
        this.generation = generation;
        this.path = path;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public SiteGeneration generation() {
        return generation;
    }

    @Override
    public Listing listing() {
        return Listing.ARCHIVE;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return page == 1 ? Optional.of(site.at(path)) : Optional.empty();
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        Document doc = Jsoup.parse(page.body(), page.url().toString());
        String type = doc.body().attr("data-page-type");
        if (type.isEmpty()) {
            return ParsedPage.softNotFound("not the " + source + " page (title '" + doc.title() + "')");
        }
        if (!type.equals(source)) {
            return ParsedPage.unrecognised("layout changed: page type '" + type + "'");
        }
        List<ObservedItem> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Element li : doc.select("li[data-id]")) {
            String id = li.attr("data-id");
            ids.add(id);
            items.add(new ObservedItem(source + ":" + id, site.at(path + "#" + id).toString(), ItemKind.NOTICE,
                    li.text(), List.of(), List.of(), null, null, List.of(), null));
        }
        return items.isEmpty() ? ParsedPage.emptyList(List.of(), false) : ParsedPage.items(items, ids, List.of(), false);
    }
}
