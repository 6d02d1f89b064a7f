package org.tc260watch.scraper.source.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.SITE;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.fetched;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

/** postDetail pages were never captured: the fixtures are invented layouts, the adapter must be tolerant. */
class NoticeDetailAdapterTest {

    private final NoticeListAdapter list = new NoticeListAdapter();
    private final NoticeDetailAdapter adapter = new NoticeDetailAdapter();
    private final List<ObservedItem> listed = list.parse(
            fetched("notices-list-page-1.unverified.handmade.html", "/front/postList.html?start=0&length=10"), SITE)
            .items();

    @Test
    void splitsABatchPublicationNoticePerStandard() {
        ObservedItem notice = listed("20250704092842");

        ParsedPage page = parse("notice-detail-batch-20250704092842.handmade.html", notice);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "legacy.notices:20250704092842#GB/T 20988-2025",
                "legacy.notices:20250704092842#GB/T 22080-2025",
                "legacy.notices:20250704092842#GB/T 45909-2025");
        assertThat(page.items()).allSatisfy(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
            assertThat(item.stage()).isEqualTo(Stage.PUBLISHED);
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2025, 7, 4));
            assertThat(item.dates().implementation()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(item.standardIds()).hasSize(1);
            assertThat(item.bookTitles()).hasSize(1);
        });
        assertThat(page.items().get(1).bookTitles()).containsExactly("网络安全技术 信息安全管理体系 要求");
    }

    @Test
    void readsAPracticeGuideReleaseWithItsDocumentNumberAndPdf() {
        ParsedPage page = parse("notice-detail-practice-guide-20250519172429.handmade.html",
                listed("20250519172429"));

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
            assertThat(item.documentNumber()).isEqualTo("网安秘字〔2025〕62号");
            assertThat(item.standardIds()).containsExactly("TC260-PG-20255A");
            assertThat(item.attachments()).containsExactly(new Attachment(null,
                    "《网络安全标准实践指南——个人信息保护合规审计要求》.pdf",
                    "https://www.tc260.org.cn/upload/2025-05-26/1748255158535034574.pdf"));
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2025, 5, 26));
        });
    }

    @Test
    void findsTheBodyInAnotherContainerAndTheDateInTheHeader() {
        ObservedItem withoutListDate = CommentDraftDetailAdapterTest.withDates(listed("20240301164054"),
                org.tc260watch.events.ItemDates.NONE);

        ParsedPage page = parse("notice-detail-tc260-003-20240301164054.handmade.html", withoutListDate);

        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.TECHNICAL_DOCUMENT);
            assertThat(item.standardIds()).containsExactly("TC260-003");
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(item.attachments()).extracting(Attachment::url).containsExactly(
                    "https://www.tc260.org.cn/upload/2024-03-01/1709282398070082466.pdf");
        });
    }

    @Test
    void readsTheLargestBlockOfParagraphsWhenNoContainerIsKnown() {
        String html = "<html><head><title>全国信息安全标准化技术委员会</title></head><body><div class=\"nav\"><p>首页</p></div>"
                + "<div class=\"wz\"><h3>关于发布《生成式人工智能服务安全基本要求》（TC260-003）的通知</h3>"
                + "<p>各有关单位：</p><p>现发布委员会技术文件《生成式人工智能服务安全基本要求》（TC260-003）。</p>"
                + "<p>2024年2月29日</p></div></body></html>";

        ParsedPage page = adapter.parse(listed("20240301164054"),
                LegacyFixtures.page(html, "/front/postDetail.html?id=20240301164054"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items().get(0).bookTitles()).contains("生成式人工智能服务安全基本要求");
    }

    @Test
    void theHomepageInsteadOfTheArticleIsASoft404() {
        ParsedPage page = parse("homepage-legacy.handmade.html", listed("20250915154109"));

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(adapter.detailUrl(listed("20250915154109"), SITE))
                .contains(URI.create("https://www.tc260.org.cn/front/postDetail.html?id=20250915154109"));
    }

    private ObservedItem listed(String id) {
        return listed.stream().filter(item -> item.itemKey().endsWith(":" + id)).findFirst().orElseThrow();
    }

    private ParsedPage parse(String fixture, ObservedItem notice) {
        return adapter.parse(notice, fetched(fixture, URI.create(notice.sourceUrl()).getRawPath() + "?"
                + URI.create(notice.sourceUrl()).getRawQuery()), SITE);
    }
}
