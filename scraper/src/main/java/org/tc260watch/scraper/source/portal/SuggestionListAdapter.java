package org.tc260watch.scraper.source.portal;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardId;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.BookTitles;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.SiteIds;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * {@code /portal/suggestion}: national-standard drafts open for comment (docs/tc260-site.md §3.3). Each item is a
 * {@code div.item} whose anchor has no href, only {@code onclick="jumpDetail('<32hex>','<deadline>')"}, followed
 * by a {@code span} with the publication date (= start of the comment period).
 */
@Singleton
public class SuggestionListAdapter implements SourceAdapter {

    public static final String SOURCE = "portal.suggestion";
    public static final String LIST_PATH = "/portal/suggestion";
    public static final String DETAIL_PATH = "/portal/suggestion-detail/";

    private static final Pattern JUMP_DETAIL =
            Pattern.compile("jumpDetail\\(\\s*'([^']*)'\\s*,\\s*'([^']*)'\\s*\\)");
    /** The list's own container [S4]; without it the whole page is searched, as for the bare snippet. */
    private static final String LIST_CONTAINER = ".publication .right";
    /** The page's title names the comment drafts; the homepage's and articles' titles do not. */
    private static final String TITLE_WORD = "征求意见";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public SiteGeneration generation() {
        return SiteGeneration.PORTAL;
    }

    @Override
    public Listing listing() {
        return Listing.OPEN_FOR_COMMENT;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return PortalPages.listPage(site, LIST_PATH, page);
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        Document doc = PortalPages.parse(page);
        boolean truncated = PortalPages.truncated(page);
        Element container = doc.selectFirst(LIST_CONTAINER);
        Element scope = container != null ? container : doc;
        Elements anchors = scope.select("a[onclick*=jumpDetail]");
        Elements listItems = scope.select("div.item");

        List<String> problems = new ArrayList<>();
        if (truncated) {
            problems.add("page truncated (no </html>)");
        }
        if (anchors.isEmpty()) {
            if (container != null && listItems.isEmpty()) {
                return ParsedPage.emptyList(problems, truncated);
            }
            return notThisPage(doc, listItems.size());
        }

        List<ObservedItem> items = new ArrayList<>();
        List<String> listedIds = new ArrayList<>();
        int position = 0;
        for (Element anchor : anchors) {
            position++;
            readItem(anchor, position, site, listedIds, problems).ifPresent(items::add);
        }
        long itemsWithoutLink = listItems.stream().filter(item -> item.selectFirst("a[onclick*=jumpDetail]") == null)
                .count();
        if (itemsWithoutLink > 0) {
            problems.add(itemsWithoutLink + " list item(s) without a jumpDetail link");
        }
        return ParsedPage.items(items, listedIds, problems, truncated);
    }

    private static ParsedPage notThisPage(Document doc, int listItemsWithoutLink) {
        Optional<ParsedPage> homepage = PortalPages.homepage(doc, "标准征求意见 list");
        if (homepage.isPresent()) {
            return homepage.get();
        }
        String title = TextNormaliser.normalise(doc.title());
        if (!title.contains(TITLE_WORD)) {
            return ParsedPage.softNotFound("the site answered with another page (title '" + title + "')");
        }
        if (listItemsWithoutLink > 0) {
            return ParsedPage.unrecognised("layout changed: " + listItemsWithoutLink
                    + " list item(s) but no jumpDetail link");
        }
        return ParsedPage.unrecognised("layout changed: neither jumpDetail items nor the list container "
                + LIST_CONTAINER);
    }

    /** One item, or empty (with a problem noted) when a required field is missing: never a partial item. */
    private static Optional<ObservedItem> readItem(Element anchor, int position, SiteAddress site,
            List<String> listedIds, List<String> problems) {
        Matcher call = JUMP_DETAIL.matcher(anchor.attr("onclick"));
        if (!call.find()) {
            problems.add("item " + position + ": unreadable onclick '" + anchor.attr("onclick") + "'");
            return Optional.empty();
        }
        listedIds.add(call.group(1));
        String label = "item " + position + " (" + call.group(1) + ")";
        Optional<String> id = SiteIds.hex32(call.group(1));
        Optional<LocalDate> deadline = CalendarDates.parseIso(call.group(2));
        String title = TextNormaliser.normalise(anchor.text());
        Element item = anchor.closest("div.item");
        Optional<LocalDate> published = item == null ? Optional.empty() : publishDate(item);

        List<String> missing = new ArrayList<>();
        if (id.isEmpty()) {
            missing.add("32-hex id");
        }
        if (title.isEmpty()) {
            missing.add("title");
        }
        if (deadline.isEmpty()) {
            missing.add("deadline");
        }
        if (item == null) {
            missing.add("enclosing div.item");
        } else if (published.isEmpty()) {
            missing.add("publish date");
        }
        if (!missing.isEmpty()) {
            problems.add(label + ": no " + String.join(", no ", missing));
            return Optional.empty();
        }
        return Optional.of(new ObservedItem(
                SOURCE + ":" + id.get(),
                site.at(DETAIL_PATH + id.get()).toString(),
                ItemKind.COMMENT_DRAFT_NOTICE,
                title,
                StandardId.findAll(title).stream().map(StandardId::canonical).distinct().toList(),
                BookTitles.findAll(title),
                title.contains(Stage.COMMENT_DRAFT.chinese()) ? Stage.COMMENT_DRAFT : null,
                new ItemDates(published.get(), published.get(), deadline.get(), null),
                List.of(),
                null));
    }

    private static Optional<LocalDate> publishDate(Element item) {
        for (Element span : item.select("span")) {
            Optional<LocalDate> date = CalendarDates.parseIso(span.text());
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }
}
