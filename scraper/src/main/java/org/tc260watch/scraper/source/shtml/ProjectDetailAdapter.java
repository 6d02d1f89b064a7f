package org.tc260watch.scraper.source.shtml;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.StandardId;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * {@code /tc260/bzzqyj/bzkdetail.shtml?id={projectId}&type=gjbzjh}: one project's 标准征求意见 page (single source
 * [S10], structure unknown). It may well be a shell that scripts fill from the JSON API; such a page does not show
 * the project, and is UNRECOGNISED rather than read as an empty item. The page is the project's when it shows the
 * listed title or one of its plan numbers; then {@link NoticeReader} reads what it adds (stage strings, dates,
 * the 征求意见稿/编制说明 files).
 */
@Singleton
public class ProjectDetailAdapter implements DetailAdapter {

    /** Where the data would be, most specific first; else the whole body. */
    private static final String MAIN = ".bzk-detail, .detail, .article, .content, #content, .main";

    @Override
    public Set<String> sources() {
        return Set.of(ProjectOpinionAdapter.SOURCE);
    }

    @Override
    public Optional<URI> detailUrl(ObservedItem listed, SiteAddress site) {
        String key = listed.itemKey();
        String prefix = ProjectOpinionAdapter.SOURCE + ":";
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(URI.create(ProjectOpinionAdapter.detailUrl(site, key.substring(prefix.length()))));
    }

    @Override
    public ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site) {
        Document doc = Jsoup.parse(page.body(), page.url().toString());
        if (ShtmlPages.truncated(page.body())) {
            // Facts after the cut (files, dates) would silently be missing: keep the listed item instead.
            return ParsedPage.unrecognised("page truncated (no </html>): the project page cannot be read completely");
        }
        Element main = Optional.ofNullable(doc.selectFirst(MAIN)).orElse(doc.body());
        String text = main == null ? "" : TextNormaliser.normalise(main.text());
        if (!showsProject(text, listed)) {
            Optional<String> homepage = ShtmlPages.homepageSign(doc);
            if (homepage.isPresent()) {
                return ParsedPage.softNotFound("the site answered with its homepage (" + homepage.get()
                        + "), not the project page of " + listed.itemKey());
            }
            return ParsedPage.unrecognised("the page does not show project " + listed.itemKey()
                    + " (neither its title nor a plan number; rendered by script?)");
        }
        NoticeFacts facts = NoticeReader.read(listed.title(), main, site);
        return ParsedPage.items(NoticeReader.itemsFor(listed, facts), List.of(listed.itemKey()), List.of(), false);
    }

    private static boolean showsProject(String text, ObservedItem listed) {
        String title = TextNormaliser.normalise(listed.title());
        if (!title.isEmpty() && text.contains(title)) {
            return true;
        }
        List<String> onPage = StandardId.findAll(text).stream().map(StandardId::canonical).toList();
        return listed.standardIds().stream().anyMatch(onPage::contains);
    }
}
