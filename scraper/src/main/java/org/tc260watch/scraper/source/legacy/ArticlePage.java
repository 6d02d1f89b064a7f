package org.tc260watch.scraper.source.legacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * A legacy detail page (a draft's comment notice or a notice article): finds the body, the title and the
 * publication date, and hands the text to NoticeReader. No legacy detail page was ever captured whole; only
 * {@code div.news_end} is reported [S1][S2-legacy], so the body has fallbacks down to the largest text block.
 */
final class ArticlePage {

    /** The reported body first, then the usual names of article containers, the portal's {@code div.c} last. */
    private static final List<String> BODIES = List.of("div.news_end", "div.news_content", "div.content",
            "div.article", "article", "div.c");
    private static final List<String> TITLES = List.of("h1", "h2.title", ".title", "h2", "h3");
    /** A dated line speaks of the deadline, not of publication, when it carries one of these. */
    private static final Pattern DEADLINE_WORDS = Pattern.compile("截|前|至|反馈|到期");
    /** A line longer than this is a sentence, not a date line. */
    private static final int DATE_LINE_MAX = 40;

    private ArticlePage() {
    }

    /**
     * @param slotAttachments files the page lists outside its body (the draft page's {@code span#APP_n}), labelled
     */
    static ParsedPage read(ObservedItem listed, FetchedPage page, SiteAddress site, String pageName,
            String titleWord, Function<Document, List<Attachment>> slotAttachments) {
        Document doc = LegacyPages.parse(page);
        Optional<ParsedPage> home = LegacyPages.homepage(doc);
        if (home.isPresent()) {
            return home.get();
        }
        Optional<Element> body = body(doc);
        if (body.isEmpty()) {
            return LegacyPages.notThisPage(doc, pageName, titleWord, null, String.join(" / ", BODIES));
        }
        boolean truncated = LegacyPages.truncated(page);
        List<String> problems = new ArrayList<>();
        if (truncated) {
            problems.add("page truncated (no </html>)");
        }
        String title = heading(doc, body.get())
                .orElse(listed.title().isEmpty() ? TextNormaliser.normalise(doc.title()) : listed.title());
        NoticeFacts read = NoticeReader.read(title, body.get(), site);
        List<Attachment> attachments = new ArrayList<>(slotAttachments.apply(doc));
        read.attachments().stream()
                .filter(a -> attachments.stream().noneMatch(x -> x.url().equals(a.url())))
                .forEach(attachments::add);
        ItemDates d = read.dates();
        LocalDate published = Optional.ofNullable(d.published())
                .or(() -> publishedAbove(body.get()))
                .or(() -> firstDatedLine(body.get()))
                .orElse(null);
        NoticeFacts facts = new NoticeFacts(read.kind(), read.standardIds(), read.bookTitles(), read.stage(),
                new ItemDates(published, d.commentStart(), d.commentEnd(), d.implementation()), attachments,
                read.documentNumber(), read.batch());
        return ParsedPage.items(NoticeReader.itemsFor(listed, facts), List.of(listed.itemKey()), problems,
                truncated);
    }

    private static Optional<Element> body(Document doc) {
        for (String selector : BODIES) {
            Element found = doc.selectFirst(selector);
            if (found != null && !found.text().isBlank()) {
                return Optional.of(found);
            }
        }
        // The largest block of paragraphs: an article body under a class name nobody reported.
        return doc.select("div").stream()
                .filter(div -> div.children().stream().filter(c -> c.is("p")).count() >= 2)
                .max(Comparator.comparingInt(div -> div.children().stream().filter(c -> c.is("p"))
                        .mapToInt(p -> p.text().length()).sum()));
    }

    /** The page's own heading or title-like element ({@code <title>} is likely just the site name). */
    private static Optional<String> heading(Document doc, Element body) {
        for (String selector : TITLES) {
            for (Element heading : doc.select(selector)) {
                String text = TextNormaliser.normalise(heading.text());
                // Headings inside the navigation or long "title" wrappers around the body are not the title.
                if (!text.isEmpty() && !heading.parents().is("nav, .navbar") && !heading.is(body.tagName())
                        && text.length() < 200 && !heading.select("*").contains(body)) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code 发布时间：2025-07-04} in the article's header, next to the body rather than in it. */
    private static Optional<LocalDate> publishedAbove(Element body) {
        Element article = body.parent() != null ? body.parent() : body;
        return Optional.ofNullable(NoticeReader.read("", article.text(), List.of()).dates().published());
    }

    /** The first line of the body that is a date and nothing much else [S1], and not a deadline. */
    static Optional<LocalDate> firstDatedLine(Element body) {
        for (Element line : body.select("p, div, span, li, h1, h2, h3, h4, h5, h6, td")) {
            String text = TextNormaliser.normalise(line.ownText());
            if (text.length() <= DATE_LINE_MAX && !DEADLINE_WORDS.matcher(text).find()) {
                Optional<LocalDate> date = CalendarDates.findFirst(text);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }
}
