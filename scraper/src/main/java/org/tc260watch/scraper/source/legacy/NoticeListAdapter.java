package org.tc260watch.scraper.source.legacy;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * Legacy notices: releases, practice guides, publication announcements, committee technical documents, all
 * {@code /front/postDetail.html?id={YYYYMMDDhhmmss}} articles (docs/tc260-site.md §2.3).
 *
 * <p><b>The list page is unverified</b> (§2.4): no source shows {@code /front/postList.html}. This adapter assumes
 * it is paged like the drafts list ({@code ?start=&length=}) and built like it ({@code ul.list-group} rows linking
 * to {@code postDetail}, the date in {@code span.list_time}), and is tolerant: the date is optional, kinds and
 * stages come from the title through NoticeReader. If the path does not exist the site answers its homepage and
 * the run FAILS as a soft 404, which is the honest outcome.
 */
@Singleton
public class NoticeListAdapter implements SourceAdapter {

    public static final String SOURCE = "legacy.notices";

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
        return Listing.ARCHIVE;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return LegacyPages.offsetPage(site, LegacyPages.NOTICE_LIST_PATH, page);
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        return ListGroupPage.read(page, "通知公告 list", "通知", "postDetail",
                (row, listedIds, problems) -> readRow(row, site, listedIds, problems));
    }

    private static Optional<ObservedItem> readRow(ListGroupPage.Row row, SiteAddress site, List<String> listedIds,
            List<String> problems) {
        Optional<String> id = row.requiredId(listedIds, problems, List.of());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        NoticeFacts facts = NoticeReader.read(row.title(), "", List.of());
        return Optional.of(new ObservedItem(
                SOURCE + ":" + id.get(),
                LegacyPages.absolute(row.anchor(), site),
                facts.kind(),
                row.title(),
                facts.standardIds(),
                facts.bookTitles(),
                facts.stage(),
                // A list's date is the date the notice was put up; the id's timestamp is not (§2.3).
                new ItemDates(CalendarDates.findFirst(row.time()).orElse(null), null, null, null),
                List.of(),
                facts.documentNumber()));
    }
}
