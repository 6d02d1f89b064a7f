package org.tc260watch.scraper.source.shtml;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.tc260watch.scraper.parse.SiteIds;
import org.tc260watch.scraper.source.SiteAddress;

/**
 * A link to an article of the .shtml CMS, {@code /tc260/{channel}/YYYYMM/{32hex}.shtml} (docs/tc260-site.md §4).
 *
 * @param channel the channel path ({@code tzgg}, {@code xwdt1}, {@code sjzn}, or another one)
 * @param month   the {@code YYYYMM} folder
 * @param rawId   the file name without {@code .shtml}, as written (a 32-hex id when the link is well formed)
 */
record ArticleLink(String channel, String month, String rawId) {

    /** Anywhere in a path, so that a base URL with a relay prefix still matches. */
    private static final Pattern ARTICLE = Pattern.compile("/tc260/([A-Za-z0-9_]+)/(\\d{6})/([^/?#]+)\\.shtml$");

    /** The article a link points to, resolved against the page; empty for any other link. */
    static Optional<ArticleLink> of(Element anchor) {
        String href = anchor.absUrl("href");
        return of(href.isEmpty() ? anchor.attr("href") : href);
    }

    static Optional<ArticleLink> of(String url) {
        String path;
        try {
            path = URI.create(url.strip().replace(" ", "%20")).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = ARTICLE.matcher(path);
        return m.find() ? Optional.of(new ArticleLink(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** The 32-hex id, lower-cased; empty when the file name is something else. */
    Optional<String> id() {
        return SiteIds.hex32(rawId);
    }

    /** The canonical URL of the article on the site we poll (not the host the page happened to name). */
    String url(SiteAddress site) {
        return site.at("/tc260/" + channel + "/" + month + "/" + id().orElse(rawId) + ".shtml").toString();
    }
}
