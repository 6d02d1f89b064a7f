package org.tc260watch.scraper.source.shtml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * Reads listed articles, as the homepage and the channel lists show them: a link to
 * {@code /tc260/{channel}/YYYYMM/{32hex}.shtml}, a title (the link's {@code title} attribute, else its text) and a
 * date near the link (inside it on the homepage: {@code <a title="…"><span class="date">2026-09-14</span>…</a>}).
 * The list markup of the channels is unknown, so "near" means: inside the link, else in the smallest element
 * around it that holds no other article link.
 */
final class ArticleListReader {

    /** A date written on its own ({@code 2026-09-14}, {@code 2026年9月15日}, {@code [2026-09-14]}) is this short. */
    private static final int DATE_TEXT_MAX = 30;
    /** How far up from the link an item's date may be looked for. */
    private static final int MAX_ITEM_DEPTH = 4;

    private final String source;
    private final SiteAddress site;
    final List<ObservedItem> items = new ArrayList<>();
    final List<String> listedIds = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    ArticleListReader(String source, SiteAddress site) {
        this.source = source;
        this.site = site;
    }

    /** Reads the article links in order; a link whose id was already read (a "latest" box) is not an item again. */
    ArticleListReader read(List<Element> anchors) {
        int position = 0;
        for (Element anchor : anchors) {
            Optional<ArticleLink> link = ArticleLink.of(anchor);
            String listedId = link.map(ArticleLink::rawId).orElse(anchor.attr("href"));
            if (listedIds.contains(listedId)) {
                continue;
            }
            position++;
            listedIds.add(listedId);
            read(anchor, link, position);
        }
        return this;
    }

    private void read(Element anchor, Optional<ArticleLink> link, int position) {
        String label = "item " + position + " (" + (link.isPresent() ? link.get().rawId() : anchor.attr("href")) + ")";
        if (link.isEmpty()) {
            problems.add(label + ": not a link to a /tc260/{channel}/YYYYMM/{id}.shtml article");
            return;
        }
        String title = titleOf(anchor);
        Optional<LocalDate> date = dateNear(anchor, title);
        List<String> missing = new ArrayList<>();
        if (link.get().id().isEmpty()) {
            missing.add("32-hex id");
        }
        if (title.isEmpty()) {
            missing.add("title");
        }
        if (date.isEmpty()) {
            missing.add("date");
        }
        if (!missing.isEmpty()) {
            problems.add(label + ": no " + String.join(", no ", missing));
            return;
        }
        NoticeFacts facts = NoticeReader.read(title, "", List.of());
        items.add(new ObservedItem(
                source + ":" + link.get().id().get(),
                link.get().url(site),
                ShtmlChannel.kindOf(link.get().channel(), title),
                title,
                facts.standardIds(),
                facts.bookTitles(),
                facts.stage(),
                new ItemDates(date.get(), null, null, null),
                List.of(),
                facts.documentNumber()));
    }

    /** The clean title of the {@code title} attribute, else the link's text without its date. */
    static String titleOf(Element anchor) {
        String title = TextNormaliser.normalise(anchor.attr("title"));
        if (!title.isEmpty()) {
            return title;
        }
        Element copy = anchor.clone();
        copy.getAllElements().stream().skip(1).filter(ArticleListReader::isDateText).forEach(Element::remove);
        return TextNormaliser.normalise(copy.text());
    }

    /** The first short date text inside the link, else in the item around it. */
    static Optional<LocalDate> dateNear(Element anchor, String title) {
        for (Element e : itemAround(anchor).getAllElements()) {
            String own = TextNormaliser.normalise(e.ownText());
            if (own.isEmpty() || own.length() > DATE_TEXT_MAX || own.equals(title)) {
                continue;
            }
            Optional<LocalDate> date = CalendarDates.findFirst(own);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static boolean isDateText(Element e) {
        String text = TextNormaliser.normalise(e.text());
        return text.length() <= DATE_TEXT_MAX && CalendarDates.findFirst(text).isPresent();
    }

    /** The largest element around the link, a few levels up at most, that holds no other article link. */
    private static Element itemAround(Element anchor) {
        Element item = anchor;
        for (int depth = 0; depth < MAX_ITEM_DEPTH; depth++) {
            Element parent = item.parent();
            if (parent == null || parent.is("body, html")) {
                break;
            }
            long links = parent.select("a[href]").stream().filter(a -> ArticleLink.of(a).isPresent()).count();
            if (links > 1) {
                break;
            }
            item = parent;
        }
        return item;
    }
}
