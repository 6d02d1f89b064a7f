package org.tc260watch.scraper.source.shtml;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tc260watch.events.TextNormaliser;

/** What every .shtml page type needs to know about a page: is it the homepage, truncated, the last of a list. */
final class ShtmlPages {

    /** The homepage's own list (docs/tc260-site.md §4); list pages are assumed to use other markup (unknown). */
    static final String HOMEPAGE_LIST = "ul.inList";
    /** Breadcrumb-like elements ("当前位置：首页 > 通知公告"), by the class names Chinese CMS templates use. */
    private static final String BREADCRUMB = ".breadcrumb, .breadcrumbs, .crumb, .position, .location, .dqwz, "
            + "[class*=position], [class*=crumb], [class*=location], [class*=dqwz]";
    /** A page of a list: {@code list.shtml} (1) or {@code list_N.shtml}. */
    private static final Pattern LIST_PAGE = Pattern.compile("/list(?:_(\\d+))?\\.shtml$");
    /** {@code 共3页}, {@code 共 3 页}. */
    private static final Pattern PAGE_COUNT = Pattern.compile("共\\s*(\\d{1,4})\\s*页");
    /** The text of a pager link: a page number or a step. */
    private static final Pattern PAGER_TEXT = Pattern.compile("\\d{1,4}|首页|上一?页|下一?页|尾页|末页|\\[\\d{1,4}]");
    /** An explicitly empty list. */
    private static final Pattern NOTHING_LISTED = Pattern.compile("暂无(?:数据|内容|信息|记录|文章)");

    private ShtmlPages() {
    }

    /** No closing {@code </html>}: the answer was cut, so what follows the cut is unknown. */
    static boolean truncated(String body) {
        return !body.toLowerCase(Locale.ROOT).contains("</html>");
    }

    /**
     * The .shtml homepage, which the site answers for every unknown path with HTTP 200 (soft 404): its
     * {@code ul.inList}, or article links into several channels at once. Only call it for pages that did not
     * name themselves (see {@link #names}): a channel list may well reuse the same markup.
     */
    static Optional<String> homepageSign(Document doc) {
        if (doc.selectFirst(HOMEPAGE_LIST) != null) {
            return Optional.of(HOMEPAGE_LIST);
        }
        Set<String> channels = new LinkedHashSet<>();
        doc.select("a[href]").forEach(a -> ArticleLink.of(a).ifPresent(link -> channels.add(link.channel())));
        return channels.size() >= 2 ? Optional.of("articles of " + channels.size() + " channels") : Optional.empty();
    }

    /** The page names itself by this label: in its {@code <title>} or its breadcrumb. */
    static boolean names(Document doc, String label) {
        if (TextNormaliser.normalise(doc.title()).contains(label)) {
            return true;
        }
        return doc.select(BREADCRUMB).stream().anyMatch(e -> TextNormaliser.normalise(e.text()).contains(label));
    }

    /** A heading (h1–h3 or a title-like element) that is exactly the label: weaker than {@link #names}. */
    static boolean headedBy(Document doc, String label) {
        return doc.select("h1, h2, h3, [class*=title], [class*=tit]").stream()
                .anyMatch(e -> TextNormaliser.normalise(e.ownText()).equals(label));
    }

    static String title(Document doc) {
        return TextNormaliser.normalise(doc.title());
    }

    static boolean saysNothingListed(Element scope) {
        return NOTHING_LISTED.matcher(TextNormaliser.normalise(scope.text())).find();
    }

    /** The list page number of a URL: 1 for {@code list.shtml}, N for {@code list_N.shtml}; empty otherwise. */
    static OptionalInt listPageNumber(URI url) {
        Matcher m = LIST_PAGE.matcher(url.getPath() == null ? "" : url.getPath());
        if (!m.find()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(m.group(1) == null ? 1 : Integer.parseInt(m.group(1)));
    }

    /**
     * The page says it is the last of its list. The site answers {@code list_N.shtml} past the end with its
     * homepage (it does so for every unknown path), so the list must end on the pager's word, not on a failure.
     * Evidence, in order: {@code 共N页}; else pager links (to a list page, with a number or 首页/上一页/下一页/尾页 as
     * text) none of which goes to the next page. No pager at all proves nothing: the next page is then fetched.
     */
    static boolean lastPage(Document doc, int page) {
        Matcher count = PAGE_COUNT.matcher(TextNormaliser.normalise(doc.body() == null ? "" : doc.body().text()));
        if (count.find()) {
            return page >= Integer.parseInt(count.group(1));
        }
        boolean pager = false;
        for (Element a : doc.select("a[href]")) {
            OptionalInt n = listPageNumberOfHref(a.attr("href"));
            if (n.isEmpty() || !PAGER_TEXT.matcher(TextNormaliser.normalise(a.text())).matches()) {
                continue;
            }
            if (n.getAsInt() == page + 1) {
                return false;
            }
            pager = true;
        }
        return pager;
    }

    private static OptionalInt listPageNumberOfHref(String href) {
        String path = href.replaceAll("[?#].*$", "");
        Matcher m = LIST_PAGE.matcher(path.startsWith("/") ? path : "/" + path);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(m.group(1) == null ? 1 : Integer.parseInt(m.group(1)));
    }
}
