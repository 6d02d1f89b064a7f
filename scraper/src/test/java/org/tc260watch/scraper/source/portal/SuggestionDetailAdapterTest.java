package org.tc260watch.scraper.source.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.portal.PortalFixtures.SITE;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class SuggestionDetailAdapterTest {

    private static final String ID = "3bb57023c00a464faf4c2f7b9a5524c7";
    private static final String BOOK = "数据安全技术 个人信息保护合规审计专业机构能力要求";
    private static final String DOWNLOAD = "https://www.tc260.org.cn/sysFile/downloadFile/";

    private final SuggestionDetailAdapter adapter = new SuggestionDetailAdapter();

    /** The item as the list gives it: SuggestionListAdapter on the real snippet. */
    private final ObservedItem listed = new SuggestionListAdapter().parse(
            PortalFixtures.page("suggestion-item.snippet.html", SuggestionListAdapter.LIST_PATH), SITE).items().get(0);

    @Test
    void completesTheListedItemWithLabelledFiles() {
        ParsedPage page = parse("suggestion-detail.handmade.html", listed);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        ObservedItem item = page.items().get(0);
        assertThat(page.items()).hasSize(1);
        assertThat(item.itemKey()).isEqualTo("portal.suggestion:" + ID);
        assertThat(item.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(item.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(item.bookTitles()).containsExactly(BOOK);
        assertThat(item.dates()).isEqualTo(new ItemDates(
                LocalDate.of(2026, 2, 11), LocalDate.of(2026, 2, 11), LocalDate.of(2026, 4, 12), null));
        assertThat(item.attachments()).containsExactly(
                new Attachment("征求意见稿", "《" + BOOK + "》标准征求意见稿文本.pdf",
                        DOWNLOAD + "e83fb6ca44834427bb498c5a090d33d4"),
                new Attachment("编制说明", "《" + BOOK + "》标准编制说明.pdf", DOWNLOAD + "7381e1e3bff5405ab6dfc1eb943abc9e"),
                new Attachment("意见反馈表", "意见反馈表.docx", DOWNLOAD + "0f1e2d3c4b5a49687766554433221100"));
    }

    @Test
    void readsTheDeadlinePhraseWhenTheListGaveNone() {
        ObservedItem bare = new ObservedItem(listed.itemKey(), listed.sourceUrl(), listed.kind(), listed.title(),
                List.of(), List.of(), null, null, List.of(), null);

        ObservedItem item = parse("suggestion-detail.handmade.html", bare).items().get(0);

        // "意见反馈截止时间为 2026 年 4 月 12 日 24:00" in the body, the page's .time as publication date.
        assertThat(item.dates()).isEqualTo(new ItemDates(
                LocalDate.of(2026, 2, 11), LocalDate.of(2026, 2, 11), LocalDate.of(2026, 4, 12), null));
        assertThat(item.stage()).isEqualTo(Stage.COMMENT_DRAFT);
    }

    @Test
    void readsTheRealSnippetsLabelledAttachmentsThroughTheInfoFallback() {
        // The snippet has no .advice title: the body falls back to div.info, the title stays the listed one.
        String html = "<html><body>" + PortalFixtures.read("suggestion-detail.snippet.html") + "</body></html>";
        ParsedPage page = adapter.parse(listed, PortalFixtures.html(html, "/portal/suggestion-detail/" + ID), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo(listed.title());
            assertThat(item.attachments()).extracting(Attachment::label).containsExactly("征求意见稿", "编制说明");
            assertThat(item.attachments()).extracting(Attachment::url).containsExactly(
                    DOWNLOAD + "e83fb6ca44834427bb498c5a090d33d4", DOWNLOAD + "7381e1e3bff5405ab6dfc1eb943abc9e");
        });
    }

    @Test
    void aBatchNoticeBecomesOneItemPerStandardWithItsOwnFile() {
        ObservedItem batchListed = new ObservedItem("portal.suggestion:9e8d7c6b5a4f40312e1d0c9b8a7f6e5d",
                "https://www.tc260.org.cn/portal/suggestion-detail/9e8d7c6b5a4f40312e1d0c9b8a7f6e5d",
                ItemKind.COMMENT_DRAFT_NOTICE, "关于《网络安全技术 移动通信信号屏蔽器技术规范》等7项国家标准征求意见稿征求意见的通知",
                List.of(), List.of("网络安全技术 移动通信信号屏蔽器技术规范"), Stage.COMMENT_DRAFT,
                new ItemDates(LocalDate.of(2026, 8, 27), LocalDate.of(2026, 8, 27), null, null), List.of(), null);

        ParsedPage page = parse("suggestion-detail-batch.handmade.html", batchListed);

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).hasSize(7);
        assertThat(page.items().get(0).itemKey())
                .isEqualTo("portal.suggestion:9e8d7c6b5a4f40312e1d0c9b8a7f6e5d#网络安全技术 移动通信信号屏蔽器技术规范");
        assertThat(page.items()).extracting(i -> i.bookTitles().get(0)).contains("网络安全技术 大模型训练数据安全要求");
        assertThat(page.items()).allSatisfy(item -> {
            assertThat(item.bookTitles()).hasSize(1);
            assertThat(item.attachments()).singleElement().satisfies(file -> {
                assertThat(file.label()).isEqualTo("征求意见稿");
                assertThat(file.name()).contains(item.bookTitles().get(0));
            });
            assertThat(item.documentNumber()).isEqualTo("网安秘字〔2026〕118号");
            assertThat(item.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 10, 25));
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2026, 8, 27));
        });
    }

    @Test
    void aTruncatedPageKeepsTheListedItemAndSaysSo() {
        ParsedPage page = parse("suggestion-detail-truncated.handmade.html", listed);

        assertThat(page.truncated()).isTrue();
        assertThat(page.items()).containsExactly(listed);
        assertThat(page.problems()).singleElement().asString().contains("truncated");
    }

    @Test
    void homepagesAnotherPageAndARedesignAreToldApart() {
        assertThat(parse("homepage-portal-info-item.handmade.html", listed).verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(parse("homepage-shtml.handmade.html", listed).verdict()).isEqualTo(Verdict.SOFT_404);
        ParsedPage other = parse("portal-article-2-20250519172429.real.html", listed);
        assertThat(other.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(other.reason()).contains("another page");
        ParsedPage redesigned = parse("suggestion-detail-redesigned.handmade.html", listed);
        assertThat(redesigned.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(redesigned.reason()).contains("layout changed");
    }

    @Test
    void theDetailPageIsBuiltFromTheListedId() {
        assertThat(adapter.sources()).containsExactly("portal.suggestion");
        assertThat(adapter.detailUrl(listed, SITE))
                .contains(URI.create("https://www.tc260.org.cn/portal/suggestion-detail/" + ID));
        ObservedItem foreign = new ObservedItem("legacy.bzzqyj:20250827154251", null, null, "x", null, null, null,
                null, null, null);
        assertThat(adapter.detailUrl(foreign, SITE)).isEmpty();
    }

    private ParsedPage parse(String fixture, ObservedItem item) {
        return adapter.parse(item, PortalFixtures.page(fixture, "/portal/suggestion-detail/" + ID), SITE);
    }
}
