package org.tc260watch.scraper.source.shtml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.SITE;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.page;

import java.nio.charset.Charset;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class NewsListAdapterTest {

    private final NewsListAdapter adapter = new NewsListAdapter();

    @Test
    void readsTheNewsChannelUnderXwdt1() {
        assertThat(adapter.source()).isEqualTo("shtml.xwdt");
        assertThat(adapter.pageUrl(SITE, 2)).contains(SITE.at("/tc260/xwdt1/list_2.shtml"));

        ParsedPage one = adapter.parse(page("xwdt-list.handmade.html", "/tc260/xwdt1/list.shtml"), SITE);
        ParsedPage two = adapter.parse(page("xwdt-list_2.handmade.html", "/tc260/xwdt1/list_2.shtml"), SITE);

        assertThat(one.clean()).isTrue();
        assertThat(one.items()).extracting(ObservedItem::itemKey).containsExactly(
                "shtml.xwdt:d513a007d04347f58e483fabaefb34b8", "shtml.xwdt:3f2e1d0c9b8a47f6a5e4d3c2b1a09f8e");
        assertThat(one.items()).allSatisfy(item -> assertThat(item.kind()).isEqualTo(ItemKind.NOTICE));
        assertThat(one.lastPage()).isFalse();
        // A back-migrated article (2025-04) under the new scheme.
        assertThat(two.items()).singleElement().satisfies(item -> {
            assertThat(item.sourceUrl()).endsWith("/tc260/xwdt1/202504/c8ba62856cb44db5bf7cf6e12ac1af75.shtml");
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2025, 4, 8));
        });
        assertThat(two.lastPage()).isTrue();
    }

    @Test
    void aGb18030PageReadsTheSameOnceDecoded() {
        ParsedPage utf8 = adapter.parse(page("xwdt-list.handmade.html", "/tc260/xwdt1/list.shtml"), SITE);
        ParsedPage gb = adapter.parse(page("xwdt-list.gb18030.html", "/tc260/xwdt1/list.shtml",
                "text/html;charset=GB18030", Charset.forName("GB18030")), SITE);

        assertThat(gb.clean()).isTrue();
        assertThat(gb.items()).isEqualTo(utf8.items());
        assertThat(gb.items().get(0).title()).isEqualTo("《人工智能安全治理框架》3.0版发布");
    }

    @Test
    void anExplicitlyEmptyListIsTheEndOfTheList() {
        ParsedPage page = adapter.parse(page("xwdt-list-empty.handmade.html", "/tc260/xwdt1/list.shtml"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.EMPTY_LIST);
        assertThat(page.clean()).isTrue();
    }

    @Test
    void theHomepageIsNotTheNewsList() {
        ParsedPage page = adapter.parse(page("homepage.handmade.html", "/tc260/xwdt1/list.shtml"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).contains("homepage").contains("新闻动态");
    }
}
