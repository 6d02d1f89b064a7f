package org.tc260watch.scraper.source.portal;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * {@code /portal/article/{category}/{id}}: one article (docs/tc260-site.md §3.6, structure verified by the real
 * capture of {@code /portal/article/2/20250519172429}): title {@code div.hygd-cont > div.title > h1}, display
 * date {@code 发布于：2025-05-26} in {@code div.title p span}, UEditor body {@code div.c} whose text holds the
 * document number (split over spans), the attachments and the signing date. The one page type details the
 * items of three lists: 通知公告, 新闻动态 and 出版物.
 *
 * <p>Three dates must not be confused: the id ({@code 20250519172429}, when the record was created), the signing
 * date in the body ({@code 2025年5月19日}) and the displayed date ({@code 2025-05-26}), which is the item's
 * publication date. For a standard's full text or a publication announcement the body's own publication date
 * (that of the standard) wins over the article's.
 */
@Singleton
public class ArticleDetailAdapter implements DetailAdapter {

    private static final String PAGE_TYPE = "article page";

    private static final Set<String> SOURCES =
            Set.of(NoticeListAdapter.SOURCE, NewsListAdapter.SOURCE, PublicationListAdapter.SOURCE);

    @Override
    public Set<String> sources() {
        return SOURCES;
    }

    @Override
    public Optional<URI> detailUrl(ObservedItem listed, SiteAddress site) {
        Matcher m = CmsListAdapter.ARTICLE_LINK.matcher(listed.sourceUrl() == null ? "" : listed.sourceUrl());
        return m.find() ? Optional.of(site.at("/portal/article/" + m.group(1) + "/" + m.group(2))) : Optional.empty();
    }

    @Override
    public ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site) {
        Document doc = PortalPages.parse(page);
        Optional<ParsedPage> homepage = PortalPages.homepage(doc, PAGE_TYPE);
        if (homepage.isPresent()) {
            return homepage.get();
        }
        Element title = PortalPages.first(doc, "div.hygd-cont > div.title > h1", ".hygd-cont h1");
        Element body = PortalPages.first(doc, "div.hygd-cont > div.c", ".hygd-cont div.c");
        if (title == null || body == null) {
            if (!PortalPages.mentions(doc, listed)) {
                return ParsedPage.softNotFound("the site answered with another page (title '"
                        + TextNormaliser.normalise(doc.title()) + "'), not the article of " + listed.itemKey());
            }
            return ParsedPage.unrecognised("layout changed: no " + (title == null ? "div.hygd-cont title h1" : "")
                    + (title == null && body == null ? " and no " : "") + (body == null ? "div.hygd-cont div.c" : "")
                    + " on the article of " + listed.itemKey());
        }
        if (!PortalPages.mentions(doc, listed)) {
            // A whole page of this type, but about something else: the URL now answers another article.
            return ParsedPage.softNotFound("the site answered with another article ('"
                    + TextNormaliser.normalise(doc.title()) + "'), not the one of " + listed.itemKey());
        }
        if (PortalPages.truncated(page)) {
            // The body may be cut anywhere: keep the listed item as the list gave it rather than half the facts.
            return ParsedPage.items(List.of(listed), List.of(listed.itemKey()),
                    List.of("article page truncated (no </html>); listed item kept as listed"), true);
        }
        String headline = TextNormaliser.normalise(title.text());
        NoticeFacts facts = NoticeReader.read(headline, body, site);
        Element dateLine = PortalPages.first(doc, "div.hygd-cont > div.title > p", ".hygd-cont .title p");
        Optional<LocalDate> shown = dateLine == null ? Optional.empty()
                : CalendarDates.findAfter(dateLine.text(), "发布于").or(() -> CalendarDates.findFirst(dateLine.text()));

        ItemKind kind = listed.kind() != null ? listed.kind() : facts.kind();
        boolean aboutStandards = kind == ItemKind.PUBLISHED_STANDARD || kind == ItemKind.PUBLICATION_ANNOUNCEMENT;
        LocalDate published = aboutStandards
                ? firstNonNull(facts.dates().published(), kind == ItemKind.PUBLISHED_STANDARD ? null
                        : shown.orElse(listed.dates().published()))
                : shown.orElse(listed.dates().published());
        Stage stage = listed.stage() != null ? listed.stage()
                : facts.stage() != null ? facts.stage() : kind == ItemKind.PUBLISHED_STANDARD ? Stage.PUBLISHED : null;
        ItemDates dates = new ItemDates(published, listed.dates().commentStart(), listed.dates().commentEnd(),
                listed.dates().implementation());
        ObservedItem completed = new ObservedItem(listed.itemKey(), listed.sourceUrl(), kind,
                listed.title() == null || listed.title().isEmpty() ? headline : listed.title(),
                listed.standardIds(), listed.bookTitles(), stage, dates, listed.attachments(),
                listed.documentNumber());
        List<ObservedItem> items = NoticeReader.itemsFor(completed, facts);
        return ParsedPage.items(items, List.of(listed.itemKey()), List.of(), false);
    }

    private static LocalDate firstNonNull(LocalDate a, LocalDate b) {
        return a != null ? a : b;
    }
}
