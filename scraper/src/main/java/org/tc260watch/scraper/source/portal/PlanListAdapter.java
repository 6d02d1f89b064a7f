package org.tc260watch.scraper.source.portal;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardId;
import org.tc260watch.scraper.parse.BookTitles;
import org.tc260watch.scraper.parse.CalendarDates;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * {@code /portal/project/plan}: the project-plan dashboard, standards in development with their plan number
 * ({@code 20240896-T-469}) and TC260 status ({@code 在研（报批稿）}). The page's HTML is unknown; see
 * {@link ProjectTableAdapter}. Required per row: plan number, title and a status that names a stage.
 */
@Singleton
public class PlanListAdapter extends ProjectTableAdapter {

    public static final String SOURCE = "portal.plan";
    public static final String LIST_PATH = "/portal/project/plan";

    public PlanListAdapter() {
        super(SOURCE, LIST_PATH, "project plan", Pattern.compile("计划(?:编)?号|计划编码|项目编号|计划代号"),
                Pattern.compile("计划|项目"));
    }

    @Override
    public Listing listing() {
        return Listing.CATALOGUE;
    }

    @Override
    protected Optional<ObservedItem> readRow(ProjectTable table, ProjectTable.Row row, SiteAddress site,
            List<String> problems) {
        Optional<StandardId> plan = number(row.cell(ProjectTable.Column.NUMBER), StandardId.Type.PLAN);
        String title = row.cell(ProjectTable.Column.TITLE);
        String status = row.cell(ProjectTable.Column.STATUS);
        Optional<Stage> stage = NoticeReader.statusStage(status);
        List<String> missing = new ArrayList<>();
        if (plan.isEmpty()) {
            missing.add("plan number");
        }
        if (title.isEmpty()) {
            missing.add("title");
        }
        if (stage.isEmpty()) {
            missing.add(status.isEmpty() ? "status" : "stage in status '" + status + "'");
        }
        if (!missing.isEmpty()) {
            skip(row, missing, problems);
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(List.of(plan.get().canonical()));
        // A revision's title may name the edition it replaces (代替 GB/T …).
        StandardId.findAll(title).stream().map(StandardId::canonical).filter(id -> !ids.contains(id))
                .forEach(ids::add);
        return Optional.of(new ObservedItem(SOURCE + ":" + plan.get().canonical(), entryUrl(site), ItemKind.PLAN_ITEM,
                title, ids, BookTitles.findAll(title), stage.get(),
                new ItemDates(CalendarDates.findFirst(row.cell(ProjectTable.Column.PUBLISHED)).orElse(null), null, null,
                        CalendarDates.findFirst(row.cell(ProjectTable.Column.IMPLEMENTATION)).orElse(null)),
                List.of(), null));
    }
}
