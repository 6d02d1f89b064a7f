package org.tc260watch.scraper.source.shtml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.tc260watch.scraper.source.SiteAddress;

class ArticleLinkTest {

    private static final SiteAddress SITE = new SiteAddress(URI.create("https://www.tc260.org.cn"));
    private static final String ID = "3bb57023c00a464faf4c2f7b9a5524c7";

    @Test
    void aLinkToAnotherHostIsFollowedOnTheSiteWePollOnly() {
        // A page (or whoever changed it) naming another host cannot send the scraper there: only the path is kept.
        for (String href : new String[] {"https://evil.example/tc260/tzgg/202501/" + ID + ".shtml",
                "//evil.example/tc260/tzgg/202501/" + ID + ".shtml",
                "ftp://evil.example/tc260/tzgg/202501/" + ID + ".shtml"}) {
            assertThat(ArticleLink.of(href)).as(href).hasValueSatisfying(link -> assertThat(link.url(SITE))
                    .isEqualTo("https://www.tc260.org.cn/tc260/tzgg/202501/" + ID + ".shtml"));
        }
    }

    @Test
    void aLinkWithoutAPathIsNoArticle() {
        assertThat(ArticleLink.of("javascript:location='/tc260/tzgg/202501/" + ID + ".shtml'")).isEmpty();
        assertThat(ArticleLink.of("mailto:x@example.org")).isEmpty();
        assertThat(ArticleLink.of("file:///etc/passwd")).isEmpty();
    }
}
