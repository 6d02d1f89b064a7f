package org.tc260watch.scraper.source.legacy;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * What the legacy page types share: their paths, telling a page from the homepages of every generation (soft 404)
 * and from a redesign, truncation, and resolving links through the site address.
 */
final class LegacyPages {

    static final String DRAFT_LIST_PATH = "/front/bzzqyjList.html";
    static final String DRAFT_DETAIL_PATH = "/front/bzzqyjDetail.html";
    static final String NOTICE_LIST_PATH = "/front/postList.html";
    static final String NOTICE_DETAIL_PATH = "/front/postDetail.html";
    static final String PUBLISHED_QUERY_PATH = "/front/bzcx/yfgbcx.html";
    /** Every legacy list asks for pages of ten rows ({@code start}/{@code length}, DataTables-style [S1][S5][S6]). */
    static final int PAGE_LENGTH = 10;

    /** What the homepages of the portal ({@code .info-item}) and of the .shtml site ({@code ul.inList}) list. */
    private static final String LATER_HOMEPAGE_MARKERS = "ul.inList, .info-item";
    /** The detail page types a legacy list links to; a list page links to one of them, the homepage to several. */
    private static final List<String> DETAIL_PAGE_TYPES = List.of("bzzqyjDetail", "postDetail");

    private LegacyPages() {
    }

    static Document parse(FetchedPage page) {
        return Jsoup.parse(page.body(), page.url().toString());
    }

    /** A page the server cut short: no closing {@code </html>}. */
    static boolean truncated(FetchedPage page) {
        return !page.body().toLowerCase(Locale.ROOT).contains("</html>");
    }

    /** The value of a query parameter of a (relative) link, e.g. {@code id} of {@code bzzqyjDetail.html?id=…}. */
    /** Page {@code page} (1-based) of a list paged by row offset: {@code ?start=0,10,20…&length=10} [S1][S5]. */
    static Optional<URI> offsetPage(SiteAddress site, String path, int page) {
        if (page < 1) {
            return Optional.empty();
        }
        return Optional.of(site.at(path + "?start=" + (page - 1) * PAGE_LENGTH + "&length=" + PAGE_LENGTH));
    }

    static Optional<String> queryParameter(String href, String name) {
        Matcher m = Pattern.compile("[?&]" + Pattern.quote(name) + "=([^&#]*)").matcher(href);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** The absolute URL of a link: site paths through the site address (it may carry a relay prefix). */
    static String absolute(Element a, SiteAddress site) {
        String href = a.attr("href").strip();
        if (href.startsWith("/") && !href.startsWith("//")) {
            return site.at(href).toString();
        }
        String resolved = a.absUrl("href");
        return resolved.isEmpty() ? href : resolved;
    }

    /**
     * A homepage instead of the page asked for: the site's soft 404. The later homepages have their own markers;
     * the legacy homepage was never captured, so it is told by what it presumably does (inferred): its
     * {@code ul.list-group} panels link to several detail page types (drafts and notices), while a list page links
     * to one.
     */
    static Optional<ParsedPage> homepage(Document doc) {
        Elements later = doc.select(LATER_HOMEPAGE_MARKERS);
        if (!later.isEmpty()) {
            String which = later.first().is("ul.inList") ? "ul.inList" : ".info-item";
            return Optional.of(ParsedPage.softNotFound("the site answered with its homepage (" + which + ")"));
        }
        Set<String> linked = new LinkedHashSet<>();
        for (Element a : doc.select("ul.list-group li a[href]")) {
            DETAIL_PAGE_TYPES.stream().filter(type -> a.attr("href").contains(type)).forEach(linked::add);
        }
        if (linked.size() > 1) {
            return Optional.of(ParsedPage.softNotFound("the site answered with the legacy homepage (lists of "
                    + String.join(" and ", linked) + ")"));
        }
        return Optional.empty();
    }

    /**
     * Why a page without the expected structure is not read: a homepage (soft 404); a page that still looks like
     * this page type (its title word, or elements matching {@code signs}, e.g. its detail links) but has another
     * structure (redesign); else another page type.
     */
    static ParsedPage notThisPage(Document doc, String pageName, String titleWord, String signs,
            String expected) {
        Optional<ParsedPage> home = homepage(doc);
        if (home.isPresent()) {
            return home.get();
        }
        String title = TextNormaliser.normalise(doc.title());
        int found = signs == null ? 0 : doc.select(signs).size();
        if (title.contains(titleWord) || found > 0) {
            return ParsedPage.unrecognised("layout changed: " + pageName + " without " + expected
                    + (found > 0 ? " (" + found + " × " + signs + " elsewhere)" : ""));
        }
        return ParsedPage.softNotFound("the site answered with another page (title '" + title + "'), not the "
                + pageName);
    }
}
