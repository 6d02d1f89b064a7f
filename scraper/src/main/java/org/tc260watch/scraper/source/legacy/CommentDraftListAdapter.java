package org.tc260watch.scraper.source.legacy;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
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
 * {@code /front/bzzqyjList.html}: national-standard drafts open for comment, legacy generation (docs/tc260-site.md
 * §2.1). Rows link to {@code /front/bzzqyjDetail.html?id=…&norm_id=…&recode_id=…}; the item id is {@code id} (the
 * notice), and the source URL keeps {@code norm_id} (the standard's project record) and {@code recode_id} for the
 * detail page. {@code span.list_time} holds the deadline, {@code [截至日期:2025-10-26]} [S1].
 */
@Singleton
public class CommentDraftListAdapter implements SourceAdapter {

    public static final String SOURCE = "legacy.bzzqyj";

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
        return Listing.OPEN_FOR_COMMENT;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        // The poll loop stops at an empty or a repeated page.
        return LegacyPages.offsetPage(site, LegacyPages.DRAFT_LIST_PATH, page);
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        return ListGroupPage.read(page, "标准征求意见 list", "征求意见", "bzzqyjDetail",
                (row, listedIds, problems) -> readRow(row, site, listedIds, problems));
    }

    private static Optional<ObservedItem> readRow(ListGroupPage.Row row, SiteAddress site, List<String> listedIds,
            List<String> problems) {
        Optional<LocalDate> deadline = deadline(row.time());
        Optional<String> id = row.requiredId(listedIds, problems, deadline.isEmpty() ? List.of("deadline") : List.of());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        NoticeFacts facts = NoticeReader.read(row.title(), "", List.of());
        return Optional.of(new ObservedItem(
                SOURCE + ":" + id.get(),
                LegacyPages.absolute(row.anchor(), site),
                ItemKind.COMMENT_DRAFT_NOTICE,
                row.title(),
                facts.standardIds(),
                facts.bookTitles(),
                facts.stage(),
                new ItemDates(null, null, deadline.get(), null),
                List.of(),
                facts.documentNumber()));
    }

    /**
     * {@code [截至日期:2025-10-26]}, also with 截止, full-width brackets or colon, or without brackets: NoticeReader's
     * deadline cue. A bare date in this span is still the deadline: that is the span's role on this list.
     */
    static Optional<LocalDate> deadline(String time) {
        return Optional.ofNullable(NoticeReader.read("", time, List.of()).dates().commentEnd())
                .or(() -> CalendarDates.findFirst(time));
    }
}
