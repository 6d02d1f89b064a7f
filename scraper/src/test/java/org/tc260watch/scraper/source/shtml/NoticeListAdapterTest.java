package org.tc260watch.scraper.source.shtml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.SITE;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.page;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class NoticeListAdapterTest {

    private static final String DRAFT_GUIDE = "shtml.tzgg:e5b82ae7aca244d19d36b39575cbb458";

    private final NoticeListAdapter adapter = new NoticeListAdapter();

    @Test
    void pagesAreListShtmlThenListN() {
        assertThat(adapter.source()).isEqualTo("shtml.tzgg");
        assertThat(adapter.pageUrl(SITE, 1)).contains(SITE.at("/tc260/tzgg/list.shtml"));
        assertThat(adapter.pageUrl(SITE, 2)).contains(SITE.at("/tc260/tzgg/list_2.shtml"));
        assertThat(adapter.pageUrl(SITE, 0)).isEmpty();
    }

    @Test
    void readsPageOneWithKindsStagesAndDatesAndKnowsMorePagesFollow() {
        ParsedPage page = adapter.parse(page("tzgg-list.handmade.html", "/tc260/tzgg/list.shtml"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.lastPage()).isFalse();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "shtml.tzgg:4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d",
                "shtml.tzgg:7c1d2e3f4a5b4c6d8e9f0a1b2c3d4e5f",
                DRAFT_GUIDE);
        assertThat(page.items()).extracting(ObservedItem::kind).containsExactly(
                ItemKind.NOTICE, ItemKind.PUBLICATION_ANNOUNCEMENT, ItemKind.COMMENT_DRAFT_NOTICE);
        ObservedItem draft = page.items().get(2);
        assertThat(draft.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(draft.dates().published()).isEqualTo(LocalDate.of(2026, 9, 2));
        assertThat(draft.sourceUrl())
                .isEqualTo("https://www.tc260.org.cn/tc260/tzgg/202609/e5b82ae7aca244d19d36b39575cbb458.shtml");
        // Only the channel's own articles: the navigation's list links are not items.
        assertThat(page.listedIds()).hasSize(3);
    }

    @Test
    void theLastPageSaysSoThroughItsPager() {
        ParsedPage page = adapter.parse(page("tzgg-list_2.handmade.html", "/tc260/tzgg/list_2.shtml"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.lastPage()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "shtml.tzgg:9e8d7c6b5a4940318f2e1d0c9b8a7f6e", "shtml.tzgg:49b6d19ee5374bc4962e1ac427a5b390");
        assertThat(page.items().get(1).kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(page.items().get(1).stage()).isEqualTo(Stage.PUBLISHED);
    }

    @Test
    void aPagerWithoutCountEndsWhereNoLinkGoesToTheNextPage() {
        String html = "<html><head><title>通知公告</title></head><body><ul><li><span>2026-09-15</span>"
                + "<a href=\"/tc260/tzgg/202609/4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d.shtml\">关于发布《座舱数据处理安全要求》的通知</a>"
                + "</li></ul><div class=\"pages\">%s</div></body></html>";
        String middle = html.formatted("<a href=\"list.shtml\">首页</a> <a href=\"list_3.shtml\">下一页</a>");
        String last = html.formatted("<a href=\"list.shtml\">首页</a> <a href=\"list.shtml\">上一页</a>");
        String noPager = html.formatted("");

        assertThat(adapter.parse(ShtmlFixtures.body(middle, "/tc260/tzgg/list_2.shtml", ShtmlFixtures.HTML), SITE)
                .lastPage()).isFalse();
        assertThat(adapter.parse(ShtmlFixtures.body(last, "/tc260/tzgg/list_2.shtml", ShtmlFixtures.HTML), SITE)
                .lastPage()).isTrue();
        // No pager proves nothing: the next page is asked for.
        assertThat(adapter.parse(ShtmlFixtures.body(noPager, "/tc260/tzgg/list.shtml", ShtmlFixtures.HTML), SITE)
                .lastPage()).isFalse();
    }

    @Test
    void theHomepageServedForTheListIsASoft404() {
        ParsedPage page = adapter.parse(page("homepage.handmade.html", "/tc260/tzgg/list_3.shtml"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).isEqualTo("soft-404: the site answered with its homepage (ul.inList), not the 通知公告 list");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void anotherChannelsListIsASoft404() {
        ParsedPage page = adapter.parse(page("sjzn-list.handmade.html", "/tc260/tzgg/list.shtml"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).contains("another page (title '实践指南_全国网络安全标准化技术委员会')");
    }

    @Test
    void aRedesignedListWithoutArticleLinksIsUnrecognised() {
        ParsedPage page = adapter.parse(page("tzgg-list-redesigned.handmade.html", "/tc260/tzgg/list.shtml"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).startsWith("layout changed").contains("/tc260/tzgg/YYYYMM/{id}.shtml");
    }

    @Test
    void aTruncatedPageKeepsTheCompleteItemsAndIsNeverTheLast() {
        ParsedPage page = adapter.parse(page("tzgg-list-truncated.handmade.html", "/tc260/tzgg/list.shtml"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.truncated()).isTrue();
        assertThat(page.lastPage()).isFalse();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "shtml.tzgg:4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d", "shtml.tzgg:7c1d2e3f4a5b4c6d8e9f0a1b2c3d4e5f");
        assertThat(page.problems()).contains("page truncated (no </html>)");
    }

    @Test
    void anItemThatShiftedToPageTwoIsListedThereAgain() {
        ParsedPage one = adapter.parse(page("tzgg-list-new-notice.handmade.html", "/tc260/tzgg/list.shtml"), SITE);
        ParsedPage two = adapter.parse(page("tzgg-list-new-notice_2.handmade.html", "/tc260/tzgg/list_2.shtml"), SITE);

        assertThat(one.items()).extracting(ObservedItem::itemKey)
                .startsWith("shtml.tzgg:0a1b2c3d4e5f40718293a4b5c6d7e8f9").doesNotContain(DRAFT_GUIDE);
        assertThat(two.items()).extracting(ObservedItem::itemKey).startsWith(DRAFT_GUIDE);
        assertThat(two.lastPage()).isTrue();
        ObservedItem fresh = one.items().get(0);
        assertThat(fresh.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(fresh.bookTitles()).containsExactly("网络安全技术 人工智能代码生成服务安全要求");
    }
}
