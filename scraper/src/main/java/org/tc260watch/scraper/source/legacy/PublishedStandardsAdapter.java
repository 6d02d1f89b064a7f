package org.tc260watch.scraper.source.legacy;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardId;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.fetch.PageRequest;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * {@code /front/bzcx/yfgbcx.html}: the published national standards query (已发国标查询, docs/tc260-site.md §2.5).
 * Known from one Go downloader [S6]: a form POST of {@code start} and {@code length} with the page itself as
 * Referer, {@code start=(page-1)*length}, until no rows come back; rows {@code div.search_res_tab table tbody tr}
 * with td[1] = 标准编号, td[2] = 中文标题, td[9] {@code a[href]} = relative download link. Columns 3–8 are not
 * recorded: when the table has headers, dates and status are read by header text, never by position.
 *
 * <p>Every page, the first included, is a form POST of {@link #queryForm(int)} to the query page; the fetcher sends
 * the form's own URL as Referer.
 */
@Singleton
public class PublishedStandardsAdapter implements SourceAdapter {

    public static final String SOURCE = "legacy.published";

    private static final String TABLE = "div.search_res_tab table";
    private static final Pattern ID_HEADER = Pattern.compile("标准(编)?号");
    private static final Pattern TITLE_HEADER = Pattern.compile("中文(标题|名称)|标准名称|标题|名称");
    private static final Pattern PUBLISHED_HEADER = Pattern.compile("发布(日期|时间)");
    private static final Pattern IMPLEMENTATION_HEADER = Pattern.compile("实施(日期|时间)");
    private static final Pattern STATUS_HEADER = Pattern.compile("状态");
    private static final Pattern DOWNLOAD_HEADER = Pattern.compile("下载|全文|文本|操作");
    /** A status that says the standard no longer applies. */
    private static final Pattern NO_LONGER_VALID = Pattern.compile("废止|作废|被代替|已替代");
    private static final Pattern NOTHING_FOUND = Pattern.compile("暂无|没有|无数据|无记录|No data");
    /** Positions [S6] used when there are no headers: td[1], td[2], td[9] (XPath, 1-based). */
    private static final int ID_COLUMN = 0;
    private static final int TITLE_COLUMN = 1;
    private static final int DOWNLOAD_COLUMN = 8;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public SiteGeneration generation() {
        return SiteGeneration.LEGACY;
    }

    @Override
    public Listing listing() {
        return Listing.CATALOGUE;
    }

    /** The query page (the form's action) for every page; the page number travels in the form. */
    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return page < 1 ? Optional.empty() : Optional.of(queryPage(site));
    }

    @Override
    public Optional<PageRequest> pageRequest(SiteAddress site, int page) {
        return pageUrl(site, page).map(url -> PageRequest.post(url, queryForm(page)));
    }

    /** The form body of query page {@code page} (1-based), {@code application/x-www-form-urlencoded}. */
    public static String queryForm(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages start at 1: " + page);
        }
        return "start=" + (page - 1) * LegacyPages.PAGE_LENGTH + "&length=" + LegacyPages.PAGE_LENGTH;
    }

    /** The query page: every POST goes there (with it as Referer [S6]), and it is where each row is seen. */
    public static URI queryPage(SiteAddress site) {
        return site.at(LegacyPages.PUBLISHED_QUERY_PATH);
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        Document doc = LegacyPages.parse(page);
        boolean truncated = LegacyPages.truncated(page);
        Optional<ParsedPage> home = LegacyPages.homepage(doc);
        if (home.isPresent()) {
            return home.get();
        }
        Element table = doc.selectFirst(TABLE);
        if (table == null) {
            return LegacyPages.notThisPage(doc, "已发国标查询", "查询", "th:matchesOwn(标准编?号)", TABLE);
        }
        List<String> problems = new ArrayList<>();
        if (truncated) {
            problems.add("page truncated (no </html>)");
        }
        Columns columns = Columns.of(table);
        Elements rows = table.select("tbody tr:has(td)");
        if (rows.isEmpty()) {
            rows = table.select("tr:has(td)");
        }
        List<Element> data = rows.stream()
                .filter(tr -> !(tr.select("td").size() == 1 && NOTHING_FOUND.matcher(tr.text()).find()))
                .toList();
        if (data.isEmpty()) {
            return ParsedPage.emptyList(problems, truncated);
        }
        List<ObservedItem> items = new ArrayList<>();
        List<String> listedIds = new ArrayList<>();
        int position = 0;
        for (Element tr : data) {
            position++;
            readRow(tr, position, columns, page, site, listedIds, problems).ifPresent(items::add);
        }
        return ParsedPage.items(items, listedIds, problems, truncated);
    }

    private static Optional<ObservedItem> readRow(Element tr, int position, Columns columns, FetchedPage page,
            SiteAddress site, List<String> listedIds, List<String> problems) {
        Elements cells = tr.select("> td");
        String rawId = cell(cells, columns.id());
        listedIds.add(rawId.isEmpty() ? "row " + position : rawId);
        Optional<StandardId> id = StandardId.parse(rawId).or(() -> StandardId.findAll(rawId).stream().findFirst())
                .filter(x -> !x.placeholder());
        String title = cell(cells, columns.title());
        List<String> missing = new ArrayList<>();
        if (id.isEmpty()) {
            missing.add("standard number");
        }
        if (title.isEmpty()) {
            missing.add("title");
        }
        if (!missing.isEmpty()) {
            problems.add("row " + position + " (" + rawId + "): no " + String.join(", no ", missing));
            return Optional.empty();
        }
        String status = cell(cells, columns.status());
        Stage stage = NO_LONGER_VALID.matcher(status).find() ? Stage.WITHDRAWN : Stage.PUBLISHED;
        LocalDate published = CalendarDates.findFirst(cell(cells, columns.published())).orElse(null);
        LocalDate implementation = CalendarDates.findFirst(cell(cells, columns.implementation())).orElse(null);
        return Optional.of(new ObservedItem(
                SOURCE + ":" + id.get().canonical(),
                queryPage(site).toString(),
                ItemKind.PUBLISHED_STANDARD,
                title,
                List.of(id.get().canonical()),
                // The standard's own name, as other sources give it in 《》.
                List.of(title),
                stage,
                new ItemDates(published, null, null, implementation),
                download(cells, columns, site),
                null));
    }

    /** The download link: in its column (by header, else td[9]), else the row's only link. */
    private static List<Attachment> download(Elements cells, Columns columns, SiteAddress site) {
        Element a = columns.download() >= 0 && columns.download() < cells.size()
                ? cells.get(columns.download()).selectFirst("a[href]") : null;
        if (a == null) {
            Elements links = cells.select("a[href]");
            a = links.size() == 1 ? links.first() : null;
        }
        if (a == null || a.attr("href").isBlank() || a.attr("href").startsWith("javascript:")) {
            return List.of();
        }
        String name = TextNormaliser.normalise(a.text());
        return List.of(new Attachment(columns.downloadLabel(), name.isEmpty() ? null : name,
                LegacyPages.absolute(a, site)));
    }

    private static String cell(Elements cells, int column) {
        return column >= 0 && column < cells.size() ? TextNormaliser.normalise(cells.get(column).text()) : "";
    }

    /** Column positions, by header text where the table has headers; -1 = no such column. */
    private record Columns(int id, int title, int published, int implementation, int status, int download,
            String downloadLabel) {

        static Columns of(Element table) {
            Elements headers = table.select("thead th, thead td");
            if (headers.isEmpty()) {
                Element first = table.selectFirst("tr:has(th)");
                headers = first == null ? new Elements() : first.select("> th");
            }
            List<String> names = headers.stream().map(h -> TextNormaliser.normalise(h.text())).toList();
            int download = find(names, DOWNLOAD_HEADER);
            return new Columns(
                    orElse(find(names, ID_HEADER), ID_COLUMN),
                    orElse(find(names, TITLE_HEADER, ID_HEADER), TITLE_COLUMN),
                    find(names, PUBLISHED_HEADER),
                    find(names, IMPLEMENTATION_HEADER),
                    find(names, STATUS_HEADER),
                    orElse(download, DOWNLOAD_COLUMN),
                    download >= 0 && !names.get(download).equals("操作") ? names.get(download) : null);
        }

        private static int find(List<String> names, Pattern header) {
            return find(names, header, null);
        }

        /** The first header matching {@code header} and not {@code unless} (标准名称 is not 标准号). */
        private static int find(List<String> names, Pattern header, Pattern unless) {
            for (int i = 0; i < names.size(); i++) {
                if (header.matcher(names.get(i)).find() && (unless == null || !unless.matcher(names.get(i)).find())) {
                    return i;
                }
            }
            return -1;
        }

        private static int orElse(int found, int position) {
            return found >= 0 ? found : position;
        }
    }
}
