package org.tc260watch.scraper.source.portal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/** What every {@code /portal/} page type needs to tell its own page from a cut, a homepage or another page. */
final class PortalPages {

    /** What the homepages of the portal ({@code .info-item}) and of the .shtml site ({@code ul.inList}) list. */
    private static final String HOMEPAGE_MARKERS = "ul.inList, .info-item";

    private PortalPages() {
    }

    /** Page {@code page} (1-based) of a portal list: page 1 is the address the site links to, then {@code ?page=n} [S4]. */
    static Optional<URI> listPage(SiteAddress site, String path, int page) {
        if (page < 1) {
            return Optional.empty();
        }
        return Optional.of(site.at(page == 1 ? path : path + "?page=" + page));
    }

    static Document parse(FetchedPage page) {
        return Jsoup.parse(page.body(), page.url().toString());
    }

    /** The portal's pages end with {@code </html>}; a body without it was cut in transit. */
    static boolean truncated(FetchedPage page) {
        return !page.body().toLowerCase(Locale.ROOT).contains("</html>");
    }

    /** The soft 404 of a homepage ({@code .info-item} or {@code ul.inList}), if the page is one. */
    static Optional<ParsedPage> homepage(Document doc, String pageType) {
        Element marker = doc.selectFirst(HOMEPAGE_MARKERS);
        if (marker == null) {
            return Optional.empty();
        }
        String which = marker.is("ul.inList") ? "ul.inList" : ".info-item";
        return Optional.of(ParsedPage.softNotFound("the site answered with its homepage (" + which + "), not the "
                + pageType));
    }

    /**
     * How the page names itself: its {@code <title>} and breadcrumb, never the navigation bar, which names every
     * page type on every page.
     */
    static String selfName(Document doc) {
        Element crumbs = doc.selectFirst("ul.breadcrumbs");
        Element side = doc.selectFirst(".left-title");
        return TextNormaliser.normalise(doc.title() + " " + (crumbs == null ? "" : crumbs.text()) + " "
                + (side == null ? "" : side.text()));
    }

    /**
     * Whether a detail page speaks of the listed item at all: its {@code <title>} or text holds the item's title
     * or its first 《》 title. A page that does not is another page (soft 404), one that does but lost its
     * structure is a redesign.
     */
    static boolean mentions(Document doc, ObservedItem listed) {
        String text = TextNormaliser.normalise(doc.title() + " " + doc.body().text());
        if (listed.title() != null && !listed.title().isEmpty() && text.contains(listed.title())) {
            return true;
        }
        return !listed.bookTitles().isEmpty() && text.contains(listed.bookTitles().get(0));
    }

    /** The first element matching the selectors, tried in order: the documented one first, then fallbacks. */
    static Element first(Document doc, String... selectors) {
        for (String selector : selectors) {
            Element e = doc.selectFirst(selector);
            if (e != null) {
                return e;
            }
        }
        return null;
    }
}
