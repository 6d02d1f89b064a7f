package org.tc260watch.scraper.source.shtml;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * The homepage {@code /}: the latest items of every channel in {@code ul.inList > li > a}, the link's
 * {@code title} attribute holding the clean title and a {@code span.date} inside the link ({@code 2026-09-14} or
 * {@code 2026年9月15日}), so the link's text is date + title (docs/tc260-site.md §4; reported by two scrapers,
 * a hand-made shape only). One page. The homepage is where soft 404s land, so it cannot be one itself; a page
 * without {@code ul.inList} is an unknown layout (or the portal's {@code .info-item} homepage again).
 */
@Singleton
public class HomepageAdapter implements SourceAdapter {

    public static final String SOURCE = "shtml.home";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public SiteGeneration generation() {
        return SiteGeneration.SHTML;
    }

    @Override
    public Listing listing() {
        return Listing.RECENT;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return page == 1 ? Optional.of(site.at("/")) : Optional.empty();
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        Document doc = Jsoup.parse(page.body(), page.url().toString());
        boolean truncated = ShtmlPages.truncated(page.body());
        List<Element> lists = doc.select(ShtmlPages.HOMEPAGE_LIST);
        if (lists.isEmpty()) {
            if (truncated) {
                return ParsedPage.unrecognised("page truncated before its first " + ShtmlPages.HOMEPAGE_LIST);
            }
            if (doc.selectFirst(".info-item") != null) {
                return ParsedPage.unrecognised("the portal homepage (.info-item), not the .shtml one (ul.inList)");
            }
            return ParsedPage.unrecognised("layout changed: the homepage has no " + ShtmlPages.HOMEPAGE_LIST);
        }
        // The items are the lists' own links; a link nested deeper (a "more" link in a heading) is not one.
        List<Element> anchors = new ArrayList<>();
        lists.forEach(ul -> ul.select("> li > a[href]").forEach(anchors::add));
        List<String> problems = new ArrayList<>();
        if (truncated) {
            problems.add("page truncated (no </html>)");
        }
        if (anchors.isEmpty()) {
            return ParsedPage.unrecognised("layout changed: " + ShtmlPages.HOMEPAGE_LIST + " without li > a links");
        }
        ArticleListReader reader = new ArticleListReader(SOURCE, site).read(anchors);
        problems.addAll(reader.problems);
        return ParsedPage.items(reader.items, reader.listedIds, problems, truncated);
    }
}
