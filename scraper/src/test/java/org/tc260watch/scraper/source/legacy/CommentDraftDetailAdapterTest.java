package org.tc260watch.scraper.source.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.SITE;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.fetched;

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

class CommentDraftDetailAdapterTest {

    private static final String DETAIL = "/front/bzzqyjDetail.html?id=20250827154251&norm_id=20250708125141"
            + "&recode_id=59758";

    private final CommentDraftListAdapter list = new CommentDraftListAdapter();
    private final CommentDraftDetailAdapter adapter = new CommentDraftDetailAdapter();

    @Test
    void theDetailUrlIsTheListedLinkWithAllItsIds() {
        assertThat(adapter.sources()).containsExactly(list.source());
        assertThat(adapter.detailUrl(listed(0), SITE)).contains(URI.create("https://www.tc260.org.cn" + DETAIL));
    }

    @Test
    void readsTheSecLensSample() {
        ParsedPage page = parse("legacy-bzzqyjDetail.handmade.html", listed(0));

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.itemKey()).isEqualTo("legacy.bzzqyj:20250827154251");
            // The first dated line is the publication date [S1]; the list's deadline wins over the body's.
            assertThat(item.dates()).isEqualTo(new ItemDates(LocalDate.of(2025, 9, 15), null,
                    LocalDate.of(2025, 10, 26), null));
            assertThat(item.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
            assertThat(item.stage()).isEqualTo(Stage.COMMENT_DRAFT);
            assertThat(item.attachments()).isEmpty();
        });
    }

    @Test
    void takesTheBodysDeadlineWhenTheListGaveNone() {
        ObservedItem withoutDeadline = withDates(listed(0), ItemDates.NONE);

        ParsedPage page = parse("legacy-bzzqyjDetail.handmade.html", withoutDeadline);

        assertThat(page.items().get(0).dates().commentEnd()).isEqualTo(LocalDate.of(2025, 10, 30));
    }

    @Test
    void readsTheAttachmentSlotsWithTheirInferredLabelsAndTheDocumentNumber() {
        ParsedPage page = parse("bzzqyj-detail-attachments.handmade.html", listed(0));

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        ObservedItem item = page.items().get(0);
        assertThat(item.attachments()).containsExactly(
                new Attachment("征求意见稿", "《网络安全技术 AAA 标准》征求意见稿.pdf",
                        "https://www.tc260.org.cn/upload/2025-09-15/1757923200000123456.pdf"),
                new Attachment("意见反馈表", "《网络安全技术 AAA 标准》意见反馈表.doc",
                        "https://www.tc260.org.cn/upload/2025-09-15/1757923200000123457.doc"),
                new Attachment("编制说明", "《网络安全技术 AAA 标准》编制说明.pdf",
                        "https://www.tc260.org.cn/upload/2025-09-15/1757923200000123458.pdf"));
        assertThat(item.documentNumber()).isEqualTo("网安秘字〔2025〕88号");
        assertThat(item.dates().published()).isEqualTo(LocalDate.of(2025, 9, 15));
        assertThat(item.bookTitles()).contains("网络安全技术 AAA 标准");
    }

    @Test
    void splitsABatchNoticeIntoOneItemPerStandard() {
        ObservedItem listed = list.parse(fetched("bzzqyj-list-page-1.handmade.html",
                "/front/bzzqyjList.html?start=0&length=10"), SITE).items().get(5);

        ParsedPage page = parse("bzzqyj-detail-batch.handmade.html", listed);

        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "legacy.bzzqyj:20250811102000#网络安全技术 信息系统灾难恢复规范",
                "legacy.bzzqyj:20250811102000#网络安全技术 信息安全管理体系 要求");
        assertThat(page.items()).allSatisfy(item -> {
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2025, 8, 11));
            assertThat(item.dates().commentEnd()).isEqualTo(LocalDate.of(2025, 10, 10));
            // Only slot APP_1 is filled; the empty slots give nothing.
            assertThat(item.attachments()).singleElement().extracting(Attachment::label).isEqualTo("征求意见稿");
        });
    }

    @Test
    void theHomepageInsteadOfTheDetailIsASoft404() {
        assertThat(parse("shtml-homepage-inList.handmade.html", listed(0)).verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(parse("homepage-legacy.handmade.html", listed(0)).verdict()).isEqualTo(Verdict.SOFT_404);
    }

    @Test
    void aPageWithoutAnyBodyIsNotReadAsTheDetail() {
        ParsedPage page = adapter.parse(listed(0), LegacyFixtures.page(
                "<html><head><title>标准征求意见</title></head><body><div id=\"app\"></div></body></html>", DETAIL),
                SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).contains("div.news_end");
    }

    private ObservedItem listed(int index) {
        return list.parse(fetched("legacy-bzzqyjList.handmade.html", "/front/bzzqyjList.html?start=0&length=10"),
                SITE).items().get(index);
    }

    private ParsedPage parse(String fixture, ObservedItem listed) {
        return adapter.parse(listed, fetched(fixture, DETAIL), SITE);
    }

    static ObservedItem withDates(ObservedItem item, ItemDates dates) {
        return new ObservedItem(item.itemKey(), item.sourceUrl(), item.kind(), item.title(), item.standardIds(),
                item.bookTitles(), item.stage(), dates, List.copyOf(item.attachments()), item.documentNumber());
    }
}
