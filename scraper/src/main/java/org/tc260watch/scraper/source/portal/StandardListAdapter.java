package org.tc260watch.scraper.source.portal;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.StandardId;
import org.tc260watch.scraper.parse.BookTitles;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * {@code /portal/project/standard} (标准查询): the committee's published standards with number, title, dates and
 * status. The page's HTML is unknown; see {@link ProjectTableAdapter}. Required per row: a national standard
 * number with its year and a title; dates and status are read when the table has them.
 */
@Singleton
public class StandardListAdapter extends ProjectTableAdapter {

    public static final String SOURCE = "portal.standards";
    public static final String LIST_PATH = "/portal/project/standard";

    public StandardListAdapter() {
        super(SOURCE, LIST_PATH, "标准查询 page", Pattern.compile("标准(?:编)?号|标准编码"), Pattern.compile("标准查询"));
    }

    @Override
    public Listing listing() {
        return Listing.CATALOGUE;
    }

    @Override
    protected Optional<ObservedItem> readRow(ProjectTable table, ProjectTable.Row row, SiteAddress site,
            List<String> problems) {
        Optional<StandardId> number = number(row.cell(ProjectTable.Column.NUMBER), StandardId.Type.NATIONAL);
        String title = row.cell(ProjectTable.Column.TITLE);
        List<String> missing = new ArrayList<>();
        if (number.isEmpty()) {
            missing.add("standard number");
        }
        if (title.isEmpty()) {
            missing.add("title");
        }
        if (!missing.isEmpty()) {
            skip(row, missing, problems);
            return Optional.empty();
        }
        String id = number.get().canonical();
        List<Attachment> files = NoticeReader.attachments(row.element(), site);
        return Optional.of(new ObservedItem(SOURCE + ":" + id, entryUrl(site), ItemKind.PUBLISHED_STANDARD, title,
                List.of(id), BookTitles.findAll(title),
                NoticeReader.statusStage(row.cell(ProjectTable.Column.STATUS)).orElse(null),
                new ItemDates(CalendarDates.findFirst(row.cell(ProjectTable.Column.PUBLISHED)).orElse(null), null, null,
                        CalendarDates.findFirst(row.cell(ProjectTable.Column.IMPLEMENTATION)).orElse(null)),
                files, null));
    }
}
