package org.tc260watch.scraper.source.shtml;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.parse.NoticeFacts;
import org.tc260watch.scraper.parse.NoticeReader;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * An article of the .shtml CMS, {@code /tc260/{channel}/YYYYMM/{32hex}.shtml}: notices, news and practice guides
 * share the page type. Its HTML was never captured, so title, date line and body are found through the selectors
 * Chinese static CMS templates use ({@code meta[name=ArticleTitle]}, {@code h1}, {@code .TRS_Editor},
 * {@code .article-content}…), and everything else is read from text by {@link NoticeReader}: the document number
 * ({@code 网安秘字〔2026〕119号}), the deadline in its Chinese phrasings, 《》 titles, batch notices, and the file
 * links ({@code …/{32hex}/files/{percent-encoded name}}, migrated {@code /zgwabwtzggfile/{19d}/{19d}.pdf}).
 *
 * <p>The homepage and the three channel lists all link their items here.
 */
@Singleton
public class ArticleDetailAdapter implements DetailAdapter {

    private static final String TITLE = ".article-title, .detail-title, .news-title, .title h1, h1, .tit h2, "
            + "h2.title, h2";
    /** Most specific first: the editor's own container, then the usual content classes. */
    private static final List<String> BODY = List.of(".TRS_Editor", ".article-content", ".detail-content",
            ".news-content", ".content-text", ".con_text", "#zoom", ".zoom", ".article-body", "#content", ".content",
            ".article", ".detail");
    private static final String DATE_LINE = ".info, .article-info, .source, .pubtime, [class*=info], [class*=time], "
            + "[class*=date]";

    private static final Set<String> SOURCES = Set.of(HomepageAdapter.SOURCE, NoticeListAdapter.SOURCE,
            NewsListAdapter.SOURCE, GuideListAdapter.SOURCE);

    @Override
    public Set<String> sources() {
        return SOURCES;
    }

    @Override
    public Optional<URI> detailUrl(ObservedItem listed, SiteAddress site) {
        return ArticleLink.of(listed.sourceUrl()).map(link -> URI.create(link.url(site)));
    }

    @Override
    public ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site) {
        Document doc = Jsoup.parse(page.body(), page.url().toString());
        boolean truncated = ShtmlPages.truncated(page.body());
        if (truncated) {
            // Facts after the cut (deadline, files) would silently be missing: keep the listed item instead.
            return ParsedPage.unrecognised("page truncated (no </html>): the article cannot be read completely");
        }
        Optional<String> homepage = ShtmlPages.homepageSign(doc);
        if (homepage.isPresent() && !mentions(doc, listed.title())) {
            return ParsedPage.softNotFound("the site answered with its homepage (" + homepage.get()
                    + "), not the article " + listed.itemKey());
        }
        Element body = bodyOf(doc);
        Element title = body == null ? null : titleNear(body);
        String titleText = title != null ? TextNormaliser.normalise(title.text())
                : Optional.ofNullable(doc.selectFirst("meta[name=ArticleTitle]"))
                        .map(m -> TextNormaliser.normalise(m.attr("content"))).orElse("");
        if (body == null || titleText.isEmpty()) {
            return ParsedPage.unrecognised("layout changed: no article " + (body == null
                    ? "body (" + String.join(", ", BODY) + ")" : "title (" + TITLE + ", meta ArticleTitle)"));
        }
        Element article = title != null ? commonAncestor(title, body) : body;
        String dateLine = String.join("\n", article.select(DATE_LINE).stream()
                .filter(e -> e != body && !e.parents().contains(body))
                .map(Element::text).toList());
        String metaDate = Optional.ofNullable(doc.selectFirst("meta[name=PubDate]"))
                .map(m -> "发布时间：" + m.attr("content")).orElse("");
        NoticeFacts facts = NoticeReader.read(titleText, metaDate + "\n" + dateLine + "\n" + body.text(),
                NoticeReader.attachments(article, site));
        List<ObservedItem> items = NoticeReader.itemsFor(listed, facts);
        return ParsedPage.items(items, List.of(listed.itemKey()), List.of(), false);
    }

    private static Element bodyOf(Document doc) {
        for (String selector : BODY) {
            for (Element e : doc.select(selector)) {
                if (!TextNormaliser.normalise(e.text()).isEmpty()) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The heading nearest to the body, outside it: the article's, not the site logo's {@code h1}. */
    private static Element titleNear(Element body) {
        for (Element around : body.parents()) {
            for (Element t : around.select(TITLE)) {
                if (t != body && !t.parents().contains(body) && !TextNormaliser.normalise(t.text()).isEmpty()) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * The page shows the listed title (what is left of it when a list shortened it with "…") as text, not only as
     * a link: the homepage links the newest articles by their titles, the article page itself does not.
     */
    static boolean mentions(Document doc, String listedTitle) {
        String title = TextNormaliser.normalise(listedTitle).replaceAll("(?:\\.{3}|…)+$", "").strip();
        Element body = doc.body();
        if (title.isEmpty() || body == null) {
            return false;
        }
        Element unlinked = body.clone();
        unlinked.select("a").remove();
        return TextNormaliser.normalise(unlinked.text()).contains(title);
    }

    /** The smallest element holding both: the article without the page's navigation and footer. */
    private static Element commonAncestor(Element a, Element b) {
        for (Element e = a; e != null; e = e.parent()) {
            if (e == b || b.parents().contains(e)) {
                return e;
            }
        }
        return b;
    }
}
