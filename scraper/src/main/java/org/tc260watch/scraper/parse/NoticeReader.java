package org.tc260watch.scraper.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardId;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * Reads the facts of a notice from its title and body, for every site generation: the one place that knows how
 * TC260 writes deadlines, publication and implementation dates, document numbers, attachments and batch notices
 * (docs/tc260-site.md §6.5). Works on normalised text, never on markup: the site splits numbers and dates over
 * many spans.
 */
public final class NoticeReader {

    /** {@code 意见反馈截止时间为 2026 年 10 月 25 日 24:00}, {@code [截至日期:2025-10-26]}, {@code 截止日期：}. */
    static final String DEADLINE_CUE = "截[至止](?:日期|时间)?(?:为|是)?";
    /** {@code 请于2025年10月30日前反馈意见}. */
    private static final Pattern PLEASE_BY = Pattern.compile("请(?:于|在)\\s*([^前]{6,20}?)\\s*(?:之)?前");
    /**
     * {@code 各单位于2026年10月2日前反馈意见}, {@code 在2026年10月2日24:00前将意见发送至…}: a date due before, in a
     * sentence about comments; without 请, which {@link #PLEASE_BY} needs.
     */
    private static final Pattern DUE_BEFORE = Pattern.compile(
            "(?:于|在)\\s*([0-9年月日\\-/. ]{8,20}?)\\s*(?:\\d{1,2}:\\d{2}\\s*)?(?:之)?前[^。]{0,30}?(?:意见|反馈)");
    /** {@code 关于征求《网络安全标准实践指南——…》意见的通知}: 征求…意见 split by the title of what is asked about. */
    private static final Pattern ASKS_FOR_COMMENTS =
            Pattern.compile("征求意见|征求\\s*[^《》]{0,4}《[^》]+》[^《》]{0,6}意见");
    /** {@code %E3%80%8A…}: a percent-encoded (UTF-8) file name, as the .shtml site writes its attachment URLs. */
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
    /** {@code 征求时间 2026-08-04 至 2026-10-03}. */
    private static final Pattern PERIOD = Pattern.compile(
            "征求(?:意见)?时间[:\\s]*([0-9年月日\\-/. ]{8,20}?)\\s*(?:至|到|~|-{1,2}|—)\\s*([0-9年月日\\-/. ]{8,20})");
    /** {@code 等7项国家标准}: a notice about several standards. */
    private static final Pattern BATCH = Pattern.compile("等\\s*(\\d+|[一二三四五六七八九十]+)\\s*项");
    /**
     * 《》 titles that are laws, regulations or bulletins cited by a notice, not standards it announces. A standard
     * may end in 方法 ({@code 《网络安全技术 网络安全风险评估方法》}): that is not a law.
     */
    private static final Pattern NOT_A_STANDARD =
            Pattern.compile("中华人民共和国|(?:(?<!方)法|办法|条例|规定|决定|公告|通知)$");
    /** TC260's catalogue status strings, normalised: {@code 在研(报批稿)}, {@code 修订中(草案)}, {@code 已发布}. */
    private static final Pattern STATUS = Pattern.compile("(在研|修订中|已发布)\\([^)]{2,8}\\)|已发布");
    private static final Pattern FILE_LINK = Pattern.compile(
            "(?i)(/upload/|/sysFile/downloadFile/|/files/|/zgwabwtzggfile/|/file/|\\.(pdf|rar|zip|docx?|xlsx?|wps)$)");

    private NoticeReader() {
    }

    /** Reads a notice whose body is HTML; attachments are the body's file links. */
    public static NoticeFacts read(String title, Element body, SiteAddress site) {
        return read(title, body == null ? "" : body.text(), body == null ? List.of() : attachments(body, site));
    }

    /** Reads a notice whose body is plain text (the JSON API), with attachments found elsewhere. */
    public static NoticeFacts read(String title, String bodyText, List<Attachment> attachments) {
        String t = TextNormaliser.normalise(title);
        String text = TextNormaliser.normalise(bodyText);
        String all = t + "\n" + text;
        List<String> ids = StandardId.findAll(all).stream().map(StandardId::canonical).distinct().toList();
        List<String> books = BookTitles.findAll(all);
        return new NoticeFacts(kindOf(t, text), ids, books, stageOf(t, text), datesOf(text),
                attachments, DocumentNumbers.findFirst(all).orElse(null),
                withOwnFiles(batchOf(t, text, books), attachments));
    }

    /**
     * The listed item completed with the facts of its detail page, or one item per standard of a batch notice
     * (keys {@code <listed key>#<standard id or title>}). What the list said wins where the page says nothing.
     */
    public static List<ObservedItem> itemsFor(ObservedItem listed, NoticeFacts facts) {
        ItemDates d = merge(listed.dates(), facts.dates());
        ItemKind kind = listed.kind() != null ? listed.kind() : facts.kind();
        Stage stage = listed.stage() != null ? listed.stage() : facts.stage();
        String doc = facts.documentNumber() != null ? facts.documentNumber() : listed.documentNumber();
        if (facts.batch().size() < 2) {
            return List.of(new ObservedItem(listed.itemKey(), listed.sourceUrl(), kind, listed.title(),
                    union(listed.standardIds(), facts.standardIds()), union(listed.bookTitles(), facts.bookTitles()),
                    stage, d, union(listed.attachments(), facts.attachments()), doc));
        }
        List<ObservedItem> items = new ArrayList<>();
        for (NoticeFacts.BatchEntry entry : facts.batch()) {
            String name = entry.standardId() != null ? entry.standardId() : entry.bookTitle();
            items.add(new ObservedItem(listed.itemKey() + "#" + name, listed.sourceUrl(), kind, listed.title(),
                    entry.standardId() == null ? List.of() : List.of(entry.standardId()),
                    entry.bookTitle() == null ? List.of() : List.of(entry.bookTitle()),
                    stage, d, entry.attachments().isEmpty() ? union(listed.attachments(), facts.attachments())
                            : entry.attachments(), doc));
        }
        return List.copyOf(items);
    }

    /** What a notice is, from its title first and its text second. */
    public static ItemKind kindOf(String title, String text) {
        String t = TextNormaliser.normalise(title);
        if (t.contains("标准全文")) {
            return ItemKind.PUBLISHED_STANDARD;
        }
        if (asksForComments(t)) {
            return ItemKind.COMMENT_DRAFT_NOTICE;
        }
        if (t.contains("TC260-TR") || t.contains("研究报告")) {
            return ItemKind.RESEARCH_REPORT;
        }
        if (t.contains("实践指南")) {
            return ItemKind.PRACTICE_GUIDE;
        }
        if (t.matches(".*(国家标准|GB).*(发布|获批).*") && !t.contains("需求")) {
            return ItemKind.PUBLICATION_ANNOUNCEMENT;
        }
        if (t.matches(".*TC260-\\d{3}.*") || t.contains("技术文件")) {
            return ItemKind.TECHNICAL_DOCUMENT;
        }
        return ItemKind.NOTICE;
    }

    /** The stage a notice speaks of: a draft stage named in the title, else a status string, else publication. */
    static Stage stageOf(String title, String text) {
        Optional<Stage> fromTitle = Stage.fromText(title).filter(s -> s != Stage.PUBLISHED || title.contains("发布"));
        if (fromTitle.isPresent()) {
            return fromTitle.get();
        }
        if (asksForComments(title)) {
            return Stage.COMMENT_DRAFT;
        }
        Matcher status = STATUS.matcher(text);
        return status.find() ? Stage.fromText(status.group()).orElse(null) : null;
    }

    /** The title asks for comments: {@code 征求意见}, also split as {@code 征求《…》意见}. */
    static boolean asksForComments(String title) {
        return ASKS_FOR_COMMENTS.matcher(TextNormaliser.normalise(title)).find();
    }

    /** Publication, comment period and implementation dates in every form the site uses. */
    static ItemDates datesOf(String text) {
        LocalDate commentStart = null;
        LocalDate commentEnd = null;
        Matcher period = PERIOD.matcher(text);
        if (period.find()) {
            commentStart = CalendarDates.findFirst(period.group(1)).orElse(null);
            commentEnd = CalendarDates.findFirst(period.group(2)).orElse(null);
        }
        if (commentEnd == null) {
            commentEnd = CalendarDates.findAfter(text, DEADLINE_CUE).orElse(null);
        }
        if (commentEnd == null) {
            Matcher by = PLEASE_BY.matcher(text);
            if (by.find()) {
                commentEnd = CalendarDates.findFirst(by.group(1)).orElse(null);
            }
        }
        if (commentEnd == null) {
            Matcher due = DUE_BEFORE.matcher(text);
            if (due.find()) {
                commentEnd = CalendarDates.findFirst(due.group(1)).orElse(null);
            }
        }
        // "发布于：2025-05-26", "发布日期：…", or a date written right before 发布 ("于2026年2月28日批准发布").
        LocalDate published = CalendarDates.findAfter(text, "发布于|发布日期|发布时间")
                .or(() -> CalendarDates.findBefore(text, "(?:正式|批准)?发布")).orElse(null);
        LocalDate implementation = CalendarDates.findAfter(text, "实施日期|实施时间")
                .or(() -> CalendarDates.findBefore(text, "起?(?:正式)?(?:开始)?实施")).orElse(null);
        return new ItemDates(published, commentStart, commentEnd, implementation);
    }

    /** The standards of a batch notice, when the title or text says {@code 等N项} and names more than one. */
    static List<NoticeFacts.BatchEntry> batchOf(String title, String text, List<String> books) {
        if (!BATCH.matcher(title + " " + text).find()) {
            return List.of();
        }
        // Pair each 《title》 with an identifier written right before it (GB/T 47020—2026《…》), if any.
        Map<String, NoticeFacts.BatchEntry> entries = new LinkedHashMap<>();
        for (String book : books) {
            if (NOT_A_STANDARD.matcher(book).find()) {
                continue;
            }
            String id = idBefore(title + "\n" + text, book);
            String key = id != null ? id : book;
            entries.putIfAbsent(key, new NoticeFacts.BatchEntry(id, book, List.of()));
        }
        return entries.size() < 2 ? List.of() : List.copyOf(entries.values());
    }

    /**
     * A batch entry's own files: those whose name holds its 《title》 (a batch comment notice attaches
     * {@code 《…》标准征求意见稿文本.pdf} per standard). Entries whose title no file names keep none, so they get
     * every file of the notice (see {@link #itemsFor}).
     */
    private static List<NoticeFacts.BatchEntry> withOwnFiles(List<NoticeFacts.BatchEntry> batch,
            List<Attachment> attachments) {
        List<NoticeFacts.BatchEntry> entries = new ArrayList<>();
        for (NoticeFacts.BatchEntry entry : batch) {
            List<Attachment> own = entry.bookTitle() == null || !entry.attachments().isEmpty() ? entry.attachments()
                    : attachments.stream().filter(a -> a.name() != null
                            && TextNormaliser.normalise(a.name()).contains(entry.bookTitle())).toList();
            entries.add(new NoticeFacts.BatchEntry(entry.standardId(), entry.bookTitle(), own));
        }
        return List.copyOf(entries);
    }

    /**
     * The kind a TC260 document identifier in a title says: {@code TC260-PG-…} a practice guide,
     * {@code TC260-TR-…} a research report, {@code TC260-003} a committee technical document. Empty when the
     * title carries none of them (publication lists name guides by number only, without 实践指南).
     */
    public static Optional<ItemKind> documentKind(String title) {
        for (StandardId id : StandardId.findAll(title)) {
            switch (id.type()) {
                case PRACTICE_GUIDE:
                    return Optional.of(ItemKind.PRACTICE_GUIDE);
                case RESEARCH_REPORT:
                    return Optional.of(ItemKind.RESEARCH_REPORT);
                case TECHNICAL_DOCUMENT:
                    return Optional.of(ItemKind.TECHNICAL_DOCUMENT);
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    /**
     * The stage of a status cell: TC260's status strings ({@code 在研（报批稿）}, {@code 修订中（草案）},
     * {@code 已发布（国际采标）}, via {@link Stage#fromText}) and the published-standard query's usual words, which
     * {@link Stage#fromText} would misread: {@code 现行} (in force), {@code 即将实施} (published, not yet in force),
     * {@code 被代替} (withdrawn by its replacement).
     */
    public static Optional<Stage> statusStage(String status) {
        String s = TextNormaliser.normalise(status);
        if (s.contains("即将实施")) {
            return Optional.of(Stage.PUBLISHED);
        }
        if (s.equals("现行") || s.startsWith("现行(")) {
            return Optional.of(Stage.IN_FORCE);
        }
        if (s.contains("被代替") || s.contains("作废")) {
            return Optional.of(Stage.WITHDRAWN);
        }
        return Stage.fromText(s);
    }

    /** The identifier written right before {@code 《book》} ({@code GB/T 47020—2026《…》}) anywhere in the text. */
    private static String idBefore(String text, String book) {
        String quoted = "《" + book + "》";
        for (int at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
            String before = text.substring(Math.max(0, at - 60), at).strip();
            // The identifier is what follows the last list separator or preceding title.
            String tail = before.substring(lastSeparator(before) + 1).strip();
            Optional<StandardId> id = idEndingAt(tail).filter(x -> !x.placeholder());
            if (id.isPresent()) {
                return id.get().canonical();
            }
        }
        return null;
    }

    /**
     * The identifier that ends a text, also after words without a separator ({@code …归口的GB/T 20988—2025}):
     * the longest suffix that is one identifier and does not start inside an ASCII word.
     */
    private static Optional<StandardId> idEndingAt(String tail) {
        for (int i = 0; i < tail.length(); i++) {
            if (i > 0 && isAsciiLetterOrDigit(tail.charAt(i - 1)) && isAsciiLetterOrDigit(tail.charAt(i))) {
                continue;
            }
            Optional<StandardId> id = StandardId.parse(tail.substring(i));
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static int lastSeparator(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if ("、,，;；和及与》。:：(（\n".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** File links of a body: {@code /upload/…pdf}, {@code /sysFile/downloadFile/…}, {@code …/files/…}, labelled. */
    public static List<Attachment> attachments(Element body, SiteAddress site) {
        List<Attachment> found = new ArrayList<>();
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href").strip();
            if (href.isEmpty() || href.startsWith("javascript:") || !FILE_LINK.matcher(href).find()) {
                continue;
            }
            String name = TextNormaliser.normalise(a.text());
            if (name.isEmpty()) {
                name = TextNormaliser.normalise(a.attr("title"));
            }
            if (name.isEmpty()) {
                // A bare link: the file name is the URL's last segment (percent-encoded on the .shtml site).
                name = TextNormaliser.normalise(href.replaceAll("[?#].*$", "").replaceAll("^.*/", ""));
            }
            name = decodedFileName(name);
            // Site paths go through the site address (it may carry a relay prefix); relative ones through the page.
            String url = href.startsWith("/") && !href.startsWith("//") ? site.at(href).toString() : absolute(a, href);
            Attachment attachment = new Attachment(labelOf(a), name.isEmpty() ? null : name, url);
            if (found.stream().noneMatch(x -> x.url().equals(url))) {
                found.add(attachment);
            }
        }
        return List.copyOf(found);
    }

    /** A {@code <label>征求意见稿：</label>} before the link, without the colon; null when there is none. */
    private static String labelOf(Element a) {
        Element label = a.parent() == null ? null : a.parent().selectFirst("label");
        if (label == null) {
            return null;
        }
        String text = TextNormaliser.normalise(label.text()).replaceAll("[:：\\s]+$", "");
        return text.isEmpty() ? null : text;
    }

    /** A percent-encoded file name ({@code %E3%80%8A…pdf}) decoded; other names as they are. */
    static String decodedFileName(String name) {
        if (!PERCENT_ENCODED.matcher(name).find()) {
            return name;
        }
        try {
            return TextNormaliser.normalise(
                    java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static String absolute(Element a, String href) {
        String resolved = a.absUrl("href");
        return resolved.isEmpty() ? href : resolved;
    }

    private static ItemDates merge(ItemDates list, ItemDates page) {
        return new ItemDates(
                list.published() != null ? list.published() : page.published(),
                list.commentStart() != null ? list.commentStart() : page.commentStart(),
                list.commentEnd() != null ? list.commentEnd() : page.commentEnd(),
                list.implementation() != null ? list.implementation() : page.implementation());
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return List.copyOf(all);
    }
}
