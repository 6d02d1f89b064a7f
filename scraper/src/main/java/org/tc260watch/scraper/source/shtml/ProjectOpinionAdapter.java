package org.tc260watch.scraper.source.shtml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Stage;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * National-standard drafts open for comment, from the web app's JSON list
 * {@code /tc260-webapp/api/projectOpinion/list?pageNum={n}&pageSize=50} (docs/tc260-site.md §4; one script [S10],
 * no captured response). Rows are {@code data.rows[]} with {@code projectId}, {@code recordTitle} (the title),
 * {@code stime}/{@code etime} (comment start and end; the first 10 characters are the date) and {@code title} (a
 * longer note). {@code rows} and {@code total} are also read at the top level, as RuoYi-style {@code pageNum}
 * APIs answer. The list ends at an empty {@code rows} or when {@code pageNum × pageSize} reaches {@code total}.
 */
@Singleton
public class ProjectOpinionAdapter implements SourceAdapter {

    public static final String SOURCE = "shtml.project-opinion";
    public static final String LIST_PATH = "/tc260-webapp/api/projectOpinion/list";
    public static final int PAGE_SIZE = 50;
    /** The 标准征求意见 detail page of one project; {@code gjbzjh} is presumably 国家标准计划. */
    public static final String DETAIL_PATH = "/tc260/bzzqyj/bzkdetail.shtml";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A project id we put into a key and a URL: the format is unknown, so anything plain and short. */
    private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern QUERY_NUMBER = Pattern.compile("(?:^|&)(pageNum|pageSize)=(\\d{1,6})");
    private static final int DATE_LENGTH = 10;

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
        return Listing.OPEN_FOR_COMMENT;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return page < 1 ? Optional.empty()
                : Optional.of(site.at(LIST_PATH + "?pageNum=" + page + "&pageSize=" + PAGE_SIZE));
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        String body = page.body().strip();
        if (body.startsWith("<")) {
            Document doc = Jsoup.parse(body, page.url().toString());
            return ParsedPage.softNotFound(ShtmlPages.homepageSign(doc)
                    .map(sign -> "the API answered with the site's homepage (" + sign + "), not JSON")
                    .orElse("the API answered with an HTML page (title '" + ShtmlPages.title(doc) + "'), not JSON"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return ParsedPage.unrecognised("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return ParsedPage.unrecognised("JSON is not an object");
        }
        JsonNode data = root.path("data").isObject() ? root.path("data") : root;
        JsonNode rows = data.has("rows") ? data.path("rows") : root.path("rows");
        if (!rows.isArray()) {
            return ParsedPage.unrecognised("JSON without data.rows" + statusOf(root));
        }
        if (rows.isEmpty()) {
            return ParsedPage.emptyList(List.of(), false);
        }
        List<ObservedItem> items = new ArrayList<>();
        List<String> listedIds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int position = 0;
        for (JsonNode row : rows) {
            position++;
            readRow(row, position, site, listedIds, problems).ifPresent(items::add);
        }
        ParsedPage parsed = ParsedPage.items(items, listedIds, problems, false);
        return reachesTotal(page.requested(), data.has("total") ? data.path("total") : root.path("total"))
                ? parsed.asLastPage() : parsed;
    }

    /** One row, or empty (with a problem noted) when a required field is missing: never a partial item. */
    private static Optional<ObservedItem> readRow(JsonNode row, int position, SiteAddress site,
            List<String> listedIds, List<String> problems) {
        String projectId = text(row, "projectId");
        listedIds.add(projectId.isEmpty() ? "#" + position : projectId);
        String label = "row " + position + (projectId.isEmpty() ? "" : " (" + projectId + ")");
        String title = text(row, "recordTitle");
        String note = row.path("title").isTextual() ? row.path("title").asText() : "";
        Optional<LocalDate> start = dateOf(text(row, "stime"));
        Optional<LocalDate> end = dateOf(text(row, "etime"));
        List<String> missing = new ArrayList<>();
        if (!PROJECT_ID.matcher(projectId).matches()) {
            missing.add("projectId");
        }
        if (title.isEmpty()) {
            missing.add("recordTitle");
        }
        if (end.isEmpty()) {
            missing.add("etime (comment end)");
        }
        if (!missing.isEmpty()) {
            problems.add(label + ": no " + String.join(", no ", missing));
            return Optional.empty();
        }
        NoticeFacts facts = NoticeReader.read(title, note, List.of());
        LocalDate opened = start.orElse(null);
        return Optional.of(new ObservedItem(
                SOURCE + ":" + projectId,
                detailUrl(site, projectId),
                ItemKind.COMMENT_DRAFT_NOTICE,
                title,
                facts.standardIds(),
                facts.bookTitles(),
                Stage.COMMENT_DRAFT,
                new ItemDates(opened, opened, end.get(), facts.dates().implementation()),
                List.of(),
                facts.documentNumber()));
    }

    static String detailUrl(SiteAddress site, String projectId) {
        return site.at(DETAIL_PATH + "?id=" + URLEncoder.encode(projectId, StandardCharsets.UTF_8)
                + "&type=gjbzjh").toString();
    }

    /** {@code 2026-09-01 00:00:00} → 2026-09-01: the first ten characters are the date. */
    private static Optional<LocalDate> dateOf(String value) {
        return value.length() < DATE_LENGTH ? Optional.empty()
                : CalendarDates.parseIso(value.substring(0, DATE_LENGTH));
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isValueNode() && !value.isNull() ? TextNormaliser.normalise(value.asText()) : "";
    }

    /** This page reaches the total the API reports: pageNum × pageSize ≥ total. */
    private static boolean reachesTotal(URI requested, JsonNode total) {
        boolean number = total.isIntegralNumber() || total.isTextual() && total.asText().strip().matches("\\d{1,9}");
        if (!number) {
            return false;
        }
        long all = total.isIntegralNumber() ? total.asLong() : Long.parseLong(total.asText().strip());
        OptionalInt pageNum = queryNumber(requested, "pageNum");
        OptionalInt pageSize = queryNumber(requested, "pageSize");
        return pageNum.isPresent() && pageSize.isPresent() && (long) pageNum.getAsInt() * pageSize.getAsInt() >= all;
    }

    private static OptionalInt queryNumber(URI url, String name) {
        Matcher m = QUERY_NUMBER.matcher(url.getRawQuery() == null ? "" : url.getRawQuery());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return OptionalInt.of(Integer.parseInt(m.group(2)));
            }
        }
        return OptionalInt.empty();
    }

    private static String statusOf(JsonNode root) {
        String code = root.path("code").asText("");
        String msg = root.path("msg").asText(root.path("message").asText(""));
        return code.isEmpty() && msg.isEmpty() ? "" : " (code " + code + ", msg '" + msg + "')";
    }
}
