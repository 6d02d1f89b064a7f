package org.tc260watch.scraper.source.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.SITE;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.fetched;

import java.net.URI;
import org.tc260watch.scraper.fetch.PageRequest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class PublishedStandardsAdapterTest {

    private static final String QUERY = "/front/bzcx/yfgbcx.html";

    private final PublishedStandardsAdapter adapter = new PublishedStandardsAdapter();

    @Test
    void readsRowsKeyedByTheCanonicalStandardNumber() {
        ParsedPage page = parse("published-query-page-1.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).hasSize(10).allSatisfy(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
            assertThat(item.itemKey()).isEqualTo("legacy.published:" + item.standardIds().get(0));
            assertThat(item.sourceUrl()).isEqualTo("https://www.tc260.org.cn/front/bzcx/yfgbcx.html");
        });
        ObservedItem pi = page.items().get(1);
        assertThat(pi.itemKey()).isEqualTo("legacy.published:GB/T 35273-2020");
        assertThat(pi.title()).isEqualTo("信息安全技术 个人信息安全规范");
        assertThat(pi.bookTitles()).containsExactly("信息安全技术 个人信息安全规范");
        assertThat(pi.stage()).isEqualTo(Stage.PUBLISHED);
        // Dates are read by header text (发布日期, 实施日期), not by position.
        assertThat(pi.dates()).isEqualTo(new ItemDates(LocalDate.of(2020, 3, 6), null, null,
                LocalDate.of(2020, 10, 1)));
        // td[9] is a relative link, resolved against the query page.
        assertThat(pi.attachments()).containsExactly(new Attachment("下载", "下载",
                "https://www.tc260.org.cn/front/bzcx/download.html?id=1001"));
    }

    @Test
    void readsEmDashNumbersAndAWithdrawnStatus() {
        ParsedPage page = parse("published-query-page-2.handmade.html");

        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "legacy.published:GB/T 20988-2025", "legacy.published:GB/T 22080-2025",
                "legacy.published:GB/T 20984-2007");
        assertThat(page.items()).extracting(ObservedItem::stage)
                .containsExactly(Stage.PUBLISHED, Stage.PUBLISHED, Stage.WITHDRAWN);
    }

    @Test
    void withoutHeadersReadsTheKnownPositionsAndSkipsIncompleteRows() {
        ParsedPage page = parse("published-query-no-headers.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).extracting(ObservedItem::itemKey)
                .containsExactly("legacy.published:GB/T 25069-2022", "legacy.published:GB/T 35273-2020");
        // Without headers nothing says which column is a date: none is guessed.
        assertThat(page.items().get(0).dates()).isEqualTo(ItemDates.NONE);
        assertThat(page.items().get(0).attachments()).extracting(Attachment::url)
                .containsExactly("https://www.tc260.org.cn/front/bzcx/download.html?id=1000");
        assertThat(page.listedIds()).hasSize(4);
        assertThat(page.problems()).hasSize(2)
                .anyMatch(p -> p.contains("row 3") && p.contains("no standard number"))
                .anyMatch(p -> p.contains("row 4") && p.contains("no title"));
    }

    @Test
    void aTableWithoutRowsIsTheEndOfTheList() {
        ParsedPage page = parse("published-query-empty.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.EMPTY_LIST);
        assertThat(page.clean()).isTrue();
    }

    @Test
    void otherPagesAreNotTheQuery() {
        assertThat(parse("homepage-legacy.handmade.html").verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(parse("shtml-homepage-inList.handmade.html").verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(parse("bzzqyj-list-page-1.handmade.html").verdict()).isEqualTo(Verdict.SOFT_404);
        ParsedPage redesigned = adapter.parse(LegacyFixtures.page("<html><head><title>已发国标查询</title></head><body>"
                + "<table class=\"grid\"><tr><th>标准编号</th><th>标准名称</th></tr></table></body></html>", QUERY), SITE);
        assertThat(redesigned.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(redesigned.reason()).contains("div.search_res_tab");
    }

    private static final URI QUERY_URL = URI.create("https://www.tc260.org.cn/front/bzcx/yfgbcx.html");

    @Test
    void theFirstPageIsTheQueryPageAndEveryPageIsAFormPost() {
        assertThat(adapter.pageUrl(SITE, 1)).contains(URI.create("https://www.tc260.org.cn/front/bzcx/yfgbcx.html"));
        assertThat(adapter.pageRequest(SITE, 1)).contains(PageRequest.post(QUERY_URL, "start=0&length=10"));
        assertThat(adapter.pageRequest(SITE, 3)).contains(PageRequest.post(QUERY_URL, "start=20&length=10"));
        assertThat(adapter.pageRequest(SITE, 0)).isEmpty();
        assertThat(PublishedStandardsAdapter.queryForm(1)).isEqualTo("start=0&length=10");
        assertThat(PublishedStandardsAdapter.queryForm(3)).isEqualTo("start=20&length=10");
        assertThatThrownBy(() -> PublishedStandardsAdapter.queryForm(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PublishedStandardsAdapter.queryPage(SITE)).isEqualTo(adapter.pageUrl(SITE, 1).orElseThrow());
        assertThat(adapter.source()).isEqualTo("legacy.published");
        assertThat(adapter.generation()).isEqualTo(SiteGeneration.LEGACY);
    }

    private ParsedPage parse(String fixture) {
        return adapter.parse(fetched(fixture, QUERY), SITE);
    }
}
