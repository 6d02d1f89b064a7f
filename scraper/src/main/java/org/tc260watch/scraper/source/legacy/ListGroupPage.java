package org.tc260watch.scraper.source.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.SiteIds;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;

/**
 * A legacy Bootstrap list page: {@code ul.list-group > li.list-group-item.list_title_news}, each row an
 * {@code a[href]} to a detail page and a {@code span.list_time} (docs/tc260-site.md §2.1, reported by two
 * independent scrapers). Reads the rows and decides the verdict; what a row means is the adapter's business.
 */
final class ListGroupPage {

    /** One list row. {@code time} is the text of its {@code span.list_time} (or of the row outside the link). */
    record Row(int position, Element anchor, String href, String title, String time) {

        /**
         * The row's 14-digit id (noted in {@code listedIds} either way) when it, the title and the other required
         * fields are there; otherwise empty, with a problem naming what is missing: never a partial item.
         *
         * @param otherMissing names of further required fields the caller found missing
         */
        Optional<String> requiredId(List<String> listedIds, List<String> problems, List<String> otherMissing) {
            Optional<String> rawId = LegacyPages.queryParameter(href, "id");
            listedIds.add(rawId.orElse(href));
            Optional<String> id = rawId.flatMap(SiteIds::timestamp14);
            List<String> missing = new ArrayList<>();
            if (id.isEmpty()) {
                missing.add("14-digit id");
            }
            if (title.isEmpty()) {
                missing.add("title");
            }
            missing.addAll(otherMissing);
            if (!missing.isEmpty()) {
                problems.add("item " + position + " (" + rawId.orElse(href) + "): no " + String.join(", no ", missing));
                return Optional.empty();
            }
            return id;
        }
    }

    /** Turns a row into an item, or notes a problem and gives nothing: never a partial item. */
    interface RowReader {
        Optional<ObservedItem> read(Row row, List<String> listedIds, List<String> problems);
    }

    private static final String CONTAINER = "ul.list-group";
    /** {@code list_title_news} is the reported item class; plain Bootstrap items are the fallback. */
    private static final String ROWS = "li.list_title_news, li.list-group-item";
    /** What an empty list may say instead of rows (DataTables and hand-written pages alike). */
    private static final Pattern NOTHING_FOUND = Pattern.compile("暂无|没有|无数据|无记录|No data");

    private ListGroupPage() {
    }

    /**
     * @param pageName   the page type, for reasons ({@code 标准征求意见 list})
     * @param titleWord  a word the page's {@code <title>} presumably carries, to tell a redesign from another page
     * @param detailType the detail page the rows link to ({@code bzzqyjDetail})
     */
    static ParsedPage read(FetchedPage page, String pageName, String titleWord, String detailType,
            RowReader reader) {
        Document doc = LegacyPages.parse(page);
        boolean truncated = LegacyPages.truncated(page);
        Optional<ParsedPage> home = LegacyPages.homepage(doc);
        if (home.isPresent()) {
            return home.get();
        }
        String detailLink = "a[href*=" + detailType + "]";
        Elements containers = doc.select(CONTAINER);
        Elements rows = containers.select(ROWS);
        List<String> problems = new ArrayList<>();
        if (truncated) {
            problems.add("page truncated (no </html>)");
        }
        List<Element> linked = rows.stream().filter(li -> li.selectFirst(detailLink) != null).toList();
        if (linked.isEmpty()) {
            boolean saysEmpty = rows.stream().allMatch(li -> NOTHING_FOUND.matcher(li.text()).find());
            if (!containers.isEmpty() && saysEmpty) {
                return ParsedPage.emptyList(problems, truncated);
            }
            if (!rows.isEmpty()) {
                return ParsedPage.unrecognised("layout changed: " + rows.size() + " list item(s) but no link to "
                        + detailType);
            }
            return LegacyPages.notThisPage(doc, pageName, titleWord, detailLink, CONTAINER + " rows");
        }

        List<ObservedItem> items = new ArrayList<>();
        List<String> listedIds = new ArrayList<>();
        int position = 0;
        for (Element li : linked) {
            position++;
            Element anchor = li.selectFirst(detailLink);
            Element time = li.selectFirst("span.list_time");
            String timeText = time != null ? time.text() : li.ownText();
            String title = TextNormaliser.normalise(anchor.text());
            if (title.isEmpty()) {
                title = TextNormaliser.normalise(anchor.attr("title"));
            }
            reader.read(new Row(position, anchor, anchor.attr("href").strip(), title,
                    TextNormaliser.normalise(timeText)), listedIds, problems).ifPresent(items::add);
        }
        long withoutLink = rows.size() - linked.size();
        if (withoutLink > 0) {
            problems.add(withoutLink + " list item(s) without a link to " + detailType);
        }
        return ParsedPage.items(items, listedIds, problems, truncated);
    }
}
