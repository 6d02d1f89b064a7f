package org.tc260watch.scraper.source.portal;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.parse.SiteIds;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * {@code /portal/suggestion-detail/{32hex}}: one comment notice (docs/tc260-site.md §3.4; only a trimmed snippet
 * is known). Title {@code .advice .title h1}, date {@code .advice .title .time}, body {@code .advice-c .info}
 * (falling back to {@code div.info}, then {@code div.advice-c}, as seclens-collectors does), and the labelled files
 * {@code div.list > ul > li} ({@code <label>征求意见稿：</label><a href="/sysFile/downloadFile/…">}). The body
 * gives the deadline ({@code 意见反馈截止时间为 2026 年 10 月 25 日 24:00}), the document number and, for a
 * notice on several drafts ({@code …等7项国家标准征求意见稿…}), one item per standard.
 */
@Singleton
public class SuggestionDetailAdapter implements DetailAdapter {

    private static final String PAGE_TYPE = "标准征求意见 detail page";

    @Override
    public Set<String> sources() {
        return Set.of(SuggestionListAdapter.SOURCE);
    }

    @Override
    public Optional<URI> detailUrl(ObservedItem listed, SiteAddress site) {
        String key = listed.itemKey();
        String prefix = SuggestionListAdapter.SOURCE + ":";
        if (key == null || !key.startsWith(prefix)) {
            return Optional.empty();
        }
        return SiteIds.hex32(key.substring(prefix.length()))
                .map(id -> site.at(SuggestionListAdapter.DETAIL_PATH + id));
    }

    @Override
    public ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site) {
        Document doc = PortalPages.parse(page);
        Optional<ParsedPage> homepage = PortalPages.homepage(doc, PAGE_TYPE);
        if (homepage.isPresent()) {
            return homepage.get();
        }
        Element title = PortalPages.first(doc, ".advice .title h1", ".advice h1");
        Element body = PortalPages.first(doc, ".advice-c .info", "div.info", "div.advice-c");
        // The body is what the page adds; without the title (the snippet has none) the listed title stands.
        if (body == null) {
            if (!PortalPages.mentions(doc, listed)) {
                return ParsedPage.softNotFound("the site answered with another page (title '"
                        + TextNormaliser.normalise(doc.title()) + "'), not the notice of " + listed.itemKey());
            }
            return ParsedPage.unrecognised("layout changed: no .advice-c .info, div.info or div.advice-c on the notice of "
                    + listed.itemKey());
        }
        if (!PortalPages.mentions(doc, listed)) {
            // A whole page of this type, but about something else: the URL now answers another notice.
            return ParsedPage.softNotFound("the site answered with another notice ('"
                    + TextNormaliser.normalise(doc.title()) + "'), not the one of " + listed.itemKey());
        }
        if (PortalPages.truncated(page)) {
            return ParsedPage.items(List.of(listed), List.of(listed.itemKey()),
                    List.of("detail page truncated (no </html>); listed item kept as listed"), true);
        }
        List<String> problems = new ArrayList<>();
        Element fileList = PortalPages.first(doc, ".advice-c div.list", "div.list");
        List<Attachment> files = new ArrayList<>(NoticeReader.attachments(body, site));
        if (fileList != null && !body.equals(fileList)) {
            NoticeReader.attachments(fileList, site).stream().filter(a -> !files.contains(a)).forEach(files::add);
        }
        String headline = title == null ? listed.title() : TextNormaliser.normalise(title.text());
        NoticeFacts facts = NoticeReader.read(headline, body.text(), files);
        Element time = PortalPages.first(doc, ".advice .title .time");
        Optional<LocalDate> shown = time == null ? Optional.empty() : CalendarDates.findFirst(time.text());
        if (time != null && shown.isEmpty()) {
            problems.add("unreadable date '" + TextNormaliser.normalise(time.text()) + "' on " + listed.itemKey());
        }
        ItemDates d = listed.dates();
        ObservedItem withDate = new ObservedItem(listed.itemKey(), listed.sourceUrl(), listed.kind(),
                listed.title() == null || listed.title().isEmpty() ? headline : listed.title(),
                listed.standardIds(), listed.bookTitles(), listed.stage(),
                new ItemDates(d.published() != null ? d.published() : shown.orElse(null),
                        d.commentStart() != null ? d.commentStart() : shown.orElse(null),
                        d.commentEnd(), d.implementation()),
                listed.attachments(), listed.documentNumber());
        return ParsedPage.items(NoticeReader.itemsFor(withDate, facts), List.of(listed.itemKey()), problems, false);
    }
}
