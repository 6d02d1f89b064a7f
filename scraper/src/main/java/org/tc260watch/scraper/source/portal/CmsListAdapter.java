package org.tc260watch.scraper.source.portal;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.parse.SiteIds;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * The portal's CMS list pages {@code /portal/cms/{channel}/{channelId}/{subId}} (docs/tc260-site.md §3.5): one
 * page type, bound to one channel per source by the subclasses.
 *
 * <p>No list page was ever captured, so the reading is deliberately tolerant: an item is any link to an article
 * page ({@code /portal/article/{category}/{14-digit or 32-hex id}}, the one verified URL form) with a date in the
 * element around it, whatever the markup. Pagination is unknown too: page n is guessed as {@code ?page=n}, like
 * {@code /portal/suggestion}. A site that ignores the parameter answers page 1 again, which the poll loop takes
 * for the end of the list, so a single-page list reads complete.
 */
public abstract class CmsListAdapter implements SourceAdapter {

    /** An article link; the site writes paths, but an absolute URL to the same path is as good. */
    static final Pattern ARTICLE_LINK =
            Pattern.compile("/portal/article/(\\d{1,4})/([0-9A-Za-z]+)(?=$|[?#])");
    /** The list container guessed from {@code /portal/suggestion} (same template family), and plain lists. */
    private static final String LIST_CONTAINER = ".publication .right, .news-list, ul.list";
    /** Elements that are list rows in the guessed markup, to report rows that lost their article link. */
    private static final String LIST_ROWS = "div.item, li.item";
    /** How far up from the link a row's date may be: the row itself, or its parent for a date in a sibling. */
    private static final int DATE_SEARCH_DEPTH = 3;

    private final String source;
    private final String listPath;
    private final String channelName;

    protected CmsListAdapter(String source, String listPath, String channelName) {
        this.source = source;
        this.listPath = listPath;
        this.channelName = channelName;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public SiteGeneration generation() {
        return SiteGeneration.PORTAL;
    }

    public String listPath() {
        return listPath;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return PortalPages.listPage(site, listPath, page);
    }

    /** What a listed article is, from its title and category; a channel may know better than the title. */
    protected ItemKind kindOf(String title, String category, NoticeFacts titleFacts) {
        return titleFacts.kind();
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        Document doc = PortalPages.parse(page);
        boolean truncated = PortalPages.truncated(page);
        Optional<ParsedPage> homepage = PortalPages.homepage(doc, channelName + " list");
        if (homepage.isPresent()) {
            return homepage.get();
        }
        if (doc.selectFirst(".hygd-cont") != null) {
            return ParsedPage.softNotFound("the site answered with an article page ('"
                    + TextNormaliser.normalise(doc.title()) + "'), not the " + channelName + " list");
        }
        Element container = doc.selectFirst(LIST_CONTAINER);
        Element scope = container != null ? container : doc.body();
        List<Element> links = articleLinks(scope);
        List<String> problems = new ArrayList<>();
        if (truncated) {
            problems.add("page truncated (no </html>)");
        }
        if (links.isEmpty()) {
            boolean named = PortalPages.selfName(doc).contains(channelName);
            if (!named) {
                return ParsedPage.softNotFound("the site answered with another page (title '"
                        + TextNormaliser.normalise(doc.title()) + "'), not the " + channelName + " list");
            }
            if (container != null && container.select(LIST_ROWS).isEmpty()) {
                return ParsedPage.emptyList(problems, truncated);
            }
            return ParsedPage.unrecognised("layout changed: the " + channelName + " page links no article ("
                    + (container == null ? "no list container " + LIST_CONTAINER
                    : container.select(LIST_ROWS).size() + " list row(s) without an article link") + ")");
        }

        List<ObservedItem> items = new ArrayList<>();
        Set<String> listedIds = new LinkedHashSet<>();
        int position = 0;
        for (Element link : links) {
            Matcher m = ARTICLE_LINK.matcher(link.attr("href"));
            m.find();
            // A row may link its article twice (title and "more"): one item.
            if (!listedIds.add(m.group(2))) {
                continue;
            }
            position++;
            readItem(link, m.group(1), m.group(2), position, site, problems).ifPresent(items::add);
        }
        if (container != null) {
            long rowsWithoutLink = container.select(LIST_ROWS).stream()
                    .filter(row -> articleLinks(row).isEmpty()).count();
            if (rowsWithoutLink > 0) {
                problems.add(rowsWithoutLink + " list row(s) without an article link");
            }
        }
        return ParsedPage.items(items, List.copyOf(listedIds), problems, truncated);
    }

    private static List<Element> articleLinks(Element scope) {
        return scope.select("a[href*=/portal/article/]").stream()
                .filter(a -> ARTICLE_LINK.matcher(a.attr("href")).find()).toList();
    }

    private static String articleId(Element link) {
        Matcher m = ARTICLE_LINK.matcher(link.attr("href"));
        return m.find() ? m.group(2) : "";
    }

    /** One item, or empty with a problem when a required field (id, title, date) is missing. */
    private Optional<ObservedItem> readItem(Element link, String category, String rawId, int position,
            SiteAddress site, List<String> problems) {
        Optional<String> id = SiteIds.hex32(rawId).or(() -> SiteIds.timestamp14(rawId));
        String title = TextNormaliser.normalise(link.hasAttr("title") ? link.attr("title") : link.text());
        if (title.isEmpty()) {
            title = TextNormaliser.normalise(link.text());
        }
        Optional<LocalDate> date = dateNear(link);
        List<String> missing = new ArrayList<>();
        if (id.isEmpty()) {
            missing.add("14-digit or 32-hex id");
        }
        if (title.isEmpty()) {
            missing.add("title");
        }
        if (date.isEmpty()) {
            missing.add("date");
        }
        if (!missing.isEmpty()) {
            problems.add("item " + position + " (" + rawId + "): no " + String.join(", no ", missing));
            return Optional.empty();
        }
        NoticeFacts facts = NoticeReader.read(title, "", List.of());
        ItemKind kind = kindOf(title, category, facts);
        // The date a list shows is the article's; for a standard's full-text page it is NOT the standard's
        // publication date (docs/tc260-site.md §3.6), which only the article body gives.
        LocalDate published = kind == ItemKind.PUBLISHED_STANDARD ? null : date.get();
        return Optional.of(new ObservedItem(
                source + ":" + id.get(),
                site.at("/portal/article/" + category + "/" + id.get()).toString(),
                kind,
                title,
                facts.standardIds(),
                facts.bookTitles(),
                facts.stage(),
                new ItemDates(published, facts.dates().commentStart(), facts.dates().commentEnd(),
                        facts.dates().implementation()),
                List.of(),
                facts.documentNumber()));
    }

    /**
     * The date of a row: the first date in the smallest element around the link that holds no other article
     * link, outside the link's own text (a title may hold a date of its own).
     */
    private static Optional<LocalDate> dateNear(Element link) {
        Element around = link;
        for (int depth = 0; depth < DATE_SEARCH_DEPTH && around.parent() != null; depth++) {
            around = around.parent();
            if (articleLinks(around).stream().map(CmsListAdapter::articleId).distinct().count() > 1) {
                break;
            }
            String text = TextNormaliser.normalise(around.text());
            String linkText = TextNormaliser.normalise(link.text());
            int at = text.indexOf(linkText);
            String rest = at < 0 ? text : text.substring(0, at) + " " + text.substring(at + linkText.length());
            Optional<LocalDate> date = CalendarDates.findFirst(rest);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }
}
