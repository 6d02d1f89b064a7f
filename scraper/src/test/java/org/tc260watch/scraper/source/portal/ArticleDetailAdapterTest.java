package org.tc260watch.scraper.source.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.portal.PortalFixtures.SITE;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class ArticleDetailAdapterTest {

    private static final String REAL = "20250519172429";
    private static final String ANNOUNCEMENT = "267e851caadf4d7f834ede5e39a7e3cf";

    private final ArticleDetailAdapter notices = new ArticleDetailAdapter();
    private final ArticleDetailAdapter news = notices;

    @Test
    void readsTheRealCapture() {
        ObservedItem listed = listedNotice(REAL);

        ParsedPage page = notices.parse(listed, article("portal-article-2-20250519172429.real.html", 2, REAL), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.itemKey()).isEqualTo("portal.notices:" + REAL);
            assertThat(item.sourceUrl()).isEqualTo("https://www.tc260.org.cn/portal/article/2/" + REAL);
            assertThat(item.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
            assertThat(item.title()).isEqualTo("关于发布《网络安全标准实践指南——个人信息保护合规审计要求》的通知");
            assertThat(item.bookTitles()).contains("网络安全标准实践指南——个人信息保护合规审计要求");
            // Split over a dozen spans in the markup.
            assertThat(item.documentNumber()).isEqualTo("网安秘字〔2025〕62号");
            assertThat(item.attachments()).containsExactly(new Attachment(null,
                    "《网络安全标准实践指南——个人信息保护合规审计要求》.pdf",
                    "https://www.tc260.org.cn/upload/2025-05-26/1748255158535034574.pdf"));
            // Three dates: id 2025-05-19 17:24:29, signed 2025年5月19日, displayed 发布于：2025-05-26 = published.
            assertThat(item.dates()).isEqualTo(new ItemDates(LocalDate.of(2025, 5, 26), null, null, null));
        });
    }

    @Test
    void theDisplayedDateIsReadEvenWhenTheListGaveNone() {
        ObservedItem bare = new ObservedItem("portal.notices:" + REAL,
                "https://www.tc260.org.cn/portal/article/2/" + REAL, null,
                "关于发布《网络安全标准实践指南——个人信息保护合规审计要求》的通知", null, null, null, null, null, null);

        ObservedItem item = notices.parse(bare, article("portal-article-2-20250519172429.real.html", 2, REAL), SITE)
                .items().get(0);

        assertThat(item.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(item.dates().published()).isEqualTo(LocalDate.of(2025, 5, 26)).isNotEqualTo(LocalDate.of(2025, 5, 19));
    }

    @Test
    void aStandardsFullTextIsThePublishedStandardWithItsOwnDates() {
        ObservedItem listed = new NewsListAdapter().parse(
                PortalFixtures.page("news-list.handmade.html", NewsListAdapter.LIST_PATH), SITE).items().stream()
                .filter(i -> i.itemKey().equals("portal.news:20250630122232")).findFirst().orElseThrow();

        ParsedPage page = news.parse(listed, article("article-1-20250630122232.handmade.html", 1, "20250630122232"),
                SITE);

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
            assertThat(item.standardIds()).containsExactly("GB/T 45654-2025");
            assertThat(item.bookTitles()).containsExactly("网络安全技术 生成式人工智能服务安全基本要求");
            assertThat(item.stage()).isEqualTo(Stage.PUBLISHED);
            // Not the article's 2025-06-30.
            assertThat(item.dates()).isEqualTo(
                    new ItemDates(LocalDate.of(2025, 4, 25), null, null, LocalDate.of(2025, 11, 1)));
            assertThat(item.attachments()).singleElement().satisfies(file -> assertThat(file.url())
                    .isEqualTo("https://www.tc260.org.cn/sysFile/downloadFile/5d4c3b2a19084f7e6d5c4b3a29180f7e"));
        });
    }

    @Test
    void aPublicationAnnouncementSplitsIntoOneItemPerStandard() {
        ObservedItem listed = listedNotice(ANNOUNCEMENT);

        ParsedPage page = notices.parse(listed, article("article-2-267e851c.handmade.html", 2, ANNOUNCEMENT), SITE);

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "portal.notices:" + ANNOUNCEMENT + "#GB/T 47020-2026", "portal.notices:" + ANNOUNCEMENT + "#GB/T 47021-2026");
        assertThat(page.items()).allSatisfy(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
            assertThat(item.stage()).isEqualTo(Stage.PUBLISHED);
            // 于2026年2月28日正式发布 (the standards), not the article's 2026-03-02; 将于2026年8月1日起正式实施.
            assertThat(item.dates()).isEqualTo(
                    new ItemDates(LocalDate.of(2026, 2, 28), null, null, LocalDate.of(2026, 8, 1)));
        });
        assertThat(page.items().get(0).bookTitles()).containsExactly("网络安全技术 软件物料清单数据格式");
        assertThat(page.items().get(0).standardIds()).containsExactly("GB/T 47020-2026");
    }

    @Test
    void homepagesAnotherPageARedesignAndACutAreToldApart() {
        ObservedItem listed = listedNotice(ANNOUNCEMENT);

        assertThat(notices.parse(listed, article("homepage-shtml.handmade.html", 2, ANNOUNCEMENT), SITE).verdict())
                .isEqualTo(Verdict.SOFT_404);
        ParsedPage other = notices.parse(listed, article("portal-article-2-20250519172429.real.html", 2, ANNOUNCEMENT),
                SITE);
        // A whole article, but another one: the URL no longer answers this item.
        assertThat(other.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(other.reason()).contains("another article");
        ParsedPage list = notices.parse(listed, article("suggestion-list.handmade.html", 2, ANNOUNCEMENT), SITE);
        assertThat(list.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(list.reason()).contains("another page");
        ParsedPage redesigned = notices.parse(listed, article("article-redesigned.handmade.html", 2, ANNOUNCEMENT),
                SITE);
        assertThat(redesigned.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        String cut = PortalFixtures.read("article-2-267e851c.handmade.html");
        ParsedPage truncated = notices.parse(listed,
                PortalFixtures.html(cut.substring(0, cut.indexOf("将于")), "/portal/article/2/" + ANNOUNCEMENT), SITE);
        assertThat(truncated.truncated()).isTrue();
        assertThat(truncated.items()).containsExactly(listed);
    }

    @Test
    void theDetailPageIsTheListedArticle() {
        ObservedItem listed = listedNotice(REAL);

        assertThat(notices.detailUrl(listed, SITE))
                .contains(URI.create("https://www.tc260.org.cn/portal/article/2/" + REAL));
        assertThat(notices.sources()).containsExactlyInAnyOrder("portal.notices", "portal.news", "portal.publications");
    }

    private static ObservedItem listedNotice(String id) {
        return new NoticeListAdapter().parse(
                PortalFixtures.page("notices-list.handmade.html", NoticeListAdapter.LIST_PATH), SITE).items().stream()
                .filter(i -> i.itemKey().equals("portal.notices:" + id)).findFirst().orElseThrow();
    }

    private static org.tc260watch.scraper.fetch.FetchedPage article(String fixture, int category, String id) {
        return PortalFixtures.page(fixture, "/portal/article/" + category + "/" + id);
    }
}
