package org.tc260watch.scraper.source.portal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.StandardId;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * The portal's project query pages, a table of standards or plans (docs/tc260-site.md §3.7). <b>No HTML of either
 * page is known</b>: this reads any server-rendered table whose header names a number and a title column
 * ({@link ProjectTable}); pages are guessed as {@code ?page=n}. If the real page fills its table by script, the
 * page has no such table and the run fails as UNRECOGNISED, which is the right alarm.
 */
public abstract class ProjectTableAdapter implements SourceAdapter {

    private final String source;
    private final String listPath;
    private final String pageName;
    private final Pattern numberHeader;
    private final Pattern selfName;

    protected ProjectTableAdapter(String source, String listPath, String pageName, Pattern numberHeader,
            Pattern selfName) {
        this.source = source;
        this.listPath = listPath;
        this.pageName = pageName;
        this.numberHeader = numberHeader;
        this.selfName = selfName;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public SiteGeneration generation() {
        return SiteGeneration.PORTAL;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return PortalPages.listPage(site, listPath, page);
    }

    /** One row's item (keys {@code <source>:<number>}), or empty with the reason added to {@code problems}. */
    protected abstract Optional<ObservedItem> readRow(ProjectTable table, ProjectTable.Row row, SiteAddress site,
            List<String> problems);

    /** The row's number when it is one identifier of the wanted type; rows name it alone in its cell. */
    protected static Optional<StandardId> number(String cell, StandardId.Type type) {
        return StandardId.findAll(cell).stream().filter(id -> id.type() == type && !id.placeholder()).findFirst();
    }

    /** Items link to the query page's entry URL, not the page they were read on: rows move between pages. */
    protected String entryUrl(SiteAddress site) {
        return site.at(listPath).toString();
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        Document doc = PortalPages.parse(page);
        boolean truncated = PortalPages.truncated(page);
        Optional<ParsedPage> homepage = PortalPages.homepage(doc, pageName);
        if (homepage.isPresent()) {
            return homepage.get();
        }
        Optional<ProjectTable> table = ProjectTable.find(doc, numberHeader);
        if (table.isEmpty()) {
            if (!selfName.matcher(PortalPages.selfName(doc)).find()) {
                return ParsedPage.softNotFound("the site answered with another page (title '"
                        + TextNormaliser.normalise(doc.title()) + "'), not the " + pageName);
            }
            return ParsedPage.unrecognised("layout changed: the " + pageName + " has no table headed by "
                    + numberHeader.pattern() + " and a title" + (doc.selectFirst("table") == null ? " (no table at all)"
                    : ""));
        }
        List<String> problems = new ArrayList<>();
        if (truncated) {
            problems.add("page truncated (no </html>)");
        }
        if (table.get().rows().isEmpty()) {
            return ParsedPage.emptyList(problems, truncated);
        }
        List<ObservedItem> items = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (ProjectTable.Row row : table.get().rows()) {
            listed.add(row.cell(ProjectTable.Column.NUMBER));
            readRow(table.get(), row, site, problems).ifPresent(items::add);
        }
        return ParsedPage.items(items, listed, problems, truncated);
    }

    /** {@code row 3 (20240896-T-469): no title, no status} */
    protected static void skip(ProjectTable.Row row, List<String> missing, List<String> problems) {
        String number = row.cell(ProjectTable.Column.NUMBER);
        problems.add("row " + row.position() + (number.isEmpty() ? "" : " (" + number + ")") + ": no "
                + String.join(", no ", missing));
    }
}
