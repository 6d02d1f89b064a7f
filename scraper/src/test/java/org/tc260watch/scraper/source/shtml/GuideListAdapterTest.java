package org.tc260watch.scraper.source.shtml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.SITE;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.page;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class GuideListAdapterTest {

    private final GuideListAdapter adapter = new GuideListAdapter();

    @Test
    void guidesArePracticeGuidesWithTheirPgNumbers() {
        ParsedPage page = adapter.parse(page("sjzn-list.handmade.html", "/tc260/sjzn/list.shtml"), SITE);

        assertThat(adapter.source()).isEqualTo("shtml.sjzn");
        assertThat(page.clean()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "shtml.sjzn:5d4c3b2a19084f7e6d5c4b3a29180f7e", "shtml.sjzn:f0a84ada0c11458e9cb6da56c1cb2426");
        assertThat(page.items()).allSatisfy(item -> assertThat(item.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE));
        assertThat(page.items()).flatExtracting(ObservedItem::standardIds)
                .containsExactly("TC260-PG-20266A", "TC260-PG-20258A");
    }

    @Test
    void aGbkPageWhoseOnlyCharsetIsItsMetaTagReadsTheSameOnceDecoded() {
        ParsedPage utf8 = adapter.parse(page("sjzn-list.handmade.html", "/tc260/sjzn/list.shtml"), SITE);
        // The fetcher decodes by the meta tag when the header names no charset (PageFetcherTest covers that).
        ParsedPage gbk = adapter.parse(page("sjzn-list.nocharset.html", "/tc260/sjzn/list.shtml", "text/html",
                Charset.forName("GBK")), SITE);

        assertThat(gbk.items()).isEqualTo(utf8.items());
    }

    @Test
    void itemsMissingRequiredFieldsAreSkippedWithAProblemEach() {
        ParsedPage page = adapter.parse(page("sjzn-list-missing-fields.handmade.html", "/tc260/sjzn/list.shtml"),
                SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).extracting(ObservedItem::itemKey)
                .containsExactly("shtml.sjzn:5d4c3b2a19084f7e6d5c4b3a29180f7e");
        assertThat(page.listedIds()).hasSize(4);
        assertThat(page.problems()).containsExactly(
                "item 2 (f0a84ada0c11458e9cb6da56c1cb2426): no date",
                "item 3 (6b5a49382716405f9e8d7c6b5a493827): no title",
                "item 4 (760387fb): no 32-hex id");
        assertThat(page.lastPage()).isTrue();
    }

    @Test
    void aDraftGuideInTheGuidesChannelIsACommentDraftNotice() {
        String html = "<html><head><title>实践指南</title></head><body><ul><li><span>2026-09-02</span><a href=\""
                + "/tc260/sjzn/202609/e5b82ae7aca244d19d36b39575cbb458.shtml\">网络安全标准实践指南——智能体系统开发安全指南"
                + "（征求意见稿 v1.0-202609）</a></li></ul></body></html>";
        ParsedPage page = adapter.parse(ShtmlFixtures.body(html, "/tc260/sjzn/list.shtml", ShtmlFixtures.HTML), SITE);

        assertThat(page.items()).singleElement()
                .satisfies(item -> assertThat(item.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE));
    }
}
