package org.tc260watch.scraper.source.shtml;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * A channel list of the .shtml CMS, {@code /tc260/{channel}/list.shtml} then {@code list_2.shtml}… (the
 * {@code list_N} form is inferred from one cited {@code sjzn/list_2.shtml} [S16]). No list page was ever captured,
 * so items are read by what must be there whatever the markup: links to the channel's
 * {@code YYYYMM/{32hex}.shtml} articles, each with a date near it ({@link ArticleListReader}).
 *
 * <p>A page is this list when its {@code <title>} or breadcrumb names the channel (通知公告…). The homepage,
 * which the site answers for unknown paths with HTTP 200, also shows the channel names, but only as section
 * headings, and links into several channels: that is a soft 404. A page that names the channel but links to no
 * article and does not say it is empty is a new layout.
 */
abstract class ChannelListAdapter implements SourceAdapter {

    private final ShtmlChannel channel;

    ChannelListAdapter(ShtmlChannel channel) {
        this.channel = channel;
    }

    @Override
    public String source() {
        return channel.source();
    }

    @Override
    public SiteGeneration generation() {
        return SiteGeneration.SHTML;
    }

    @Override
    public Optional<URI> pageUrl(SiteAddress site, int page) {
        return page < 1 ? Optional.empty() : Optional.of(site.at(channel.listPath(page)));
    }

    @Override
    public ParsedPage parse(FetchedPage page, SiteAddress site) {
        Document doc = Jsoup.parse(page.body(), page.url().toString());
        boolean truncated = ShtmlPages.truncated(page.body());
        List<Element> anchors = doc.select("a[href]").stream()
                .filter(a -> ArticleLink.of(a).filter(link -> link.channel().equals(channel.path())).isPresent())
                .toList();
        if (!ShtmlPages.names(doc, channel.label())) {
            Optional<String> homepage = ShtmlPages.homepageSign(doc);
            if (homepage.isPresent()) {
                return ParsedPage.softNotFound("the site answered with its homepage (" + homepage.get()
                        + "), not the " + channel.label() + " list");
            }
            if (!ShtmlPages.headedBy(doc, channel.label())) {
                return ParsedPage.softNotFound("the site answered with another page (title '"
                        + ShtmlPages.title(doc) + "'), not the " + channel.label() + " list");
            }
        }
        List<String> problems = new ArrayList<>();
        if (truncated) {
            problems.add("page truncated (no </html>)");
        }
        if (anchors.isEmpty()) {
            if (truncated) {
                return ParsedPage.unrecognised("page truncated before its first " + channel.path() + " article link");
            }
            if (ShtmlPages.saysNothingListed(doc.body())) {
                return ParsedPage.emptyList(problems, false);
            }
            return ParsedPage.unrecognised("layout changed: the " + channel.label() + " page links to no /tc260/"
                    + channel.path() + "/YYYYMM/{id}.shtml article");
        }
        ArticleListReader reader = new ArticleListReader(source(), site).read(anchors);
        problems.addAll(reader.problems);
        ParsedPage parsed = ParsedPage.items(reader.items, reader.listedIds, problems, truncated);
        int number = ShtmlPages.listPageNumber(page.url()).orElse(1);
        return !truncated && ShtmlPages.lastPage(doc, number) ? parsed.asLastPage() : parsed;
    }
}
