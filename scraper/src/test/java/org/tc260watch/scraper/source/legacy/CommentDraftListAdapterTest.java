package org.tc260watch.scraper.source.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.SITE;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.fetched;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;
import org.tc260watch.scraper.source.SiteAddress;

class CommentDraftListAdapterTest {

    private static final String PAGE_1 = "/front/bzzqyjList.html?start=0&length=10";
    private static final String PAGE_2 = "/front/bzzqyjList.html?start=10&length=10";

    private final CommentDraftListAdapter adapter = new CommentDraftListAdapter();

    @Test
    void readsTheSecLensSample() {
        ParsedPage page = parse("legacy-bzzqyjList.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).hasSize(2);
        ObservedItem first = page.items().get(0);
        assertThat(first.itemKey()).isEqualTo("legacy.bzzqyj:20250827154251");
        // norm_id and recode_id stay in the source URL: the detail page needs them.
        assertThat(first.sourceUrl()).isEqualTo("https://www.tc260.org.cn/front/bzzqyjDetail.html"
                + "?id=20250827154251&norm_id=20250708125141&recode_id=59758");
        assertThat(first.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(first.title()).isEqualTo("关于《网络安全技术 AAA 标准》征求意见稿征求意见的通知");
        assertThat(first.bookTitles()).containsExactly("网络安全技术 AAA 标准");
        assertThat(first.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(first.dates()).isEqualTo(new ItemDates(null, null, LocalDate.of(2025, 10, 26), null));
        assertThat(page.items().get(1).dates().commentEnd()).isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(page.listedIds()).containsExactly("20250827154251", "20250827154317");
    }

    @Test
    void readsAFullPageWithTheBootstrapChrome() {
        ParsedPage page = parse("bzzqyj-list-page-1.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).hasSize(10).allSatisfy(item -> {
            assertThat(item.itemKey()).matches("legacy\\.bzzqyj:\\d{14}");
            assertThat(item.title()).startsWith("关于").endsWith("的通知").doesNotContain("  ");
            assertThat(item.dates().commentEnd()).isAfter(LocalDate.of(2025, 9, 1));
        });
        // Standard numbers in titles go through StandardId (canonical form, ASCII hyphen).
        assertThat(page.items().get(2).standardIds()).containsExactly("GB/T 20984-2022");
        assertThat(page.items().get(2).bookTitles()).containsExactly("网络安全技术 网络安全风险评估方法");
    }

    @Test
    void readsAGbkEncodedPageOnceDecoded() {
        ParsedPage page = adapter.parse(fetched("bzzqyj-list-page-2.gbk.html", PAGE_2, Charset.forName("GBK")), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::title).containsExactly(
                "关于国家标准《信息安全技术 网络安全等级保护测评要求》征求意见稿征求意见的通知",
                "关于国家标准《网络安全技术 网络安全漏洞管理规范》征求意见稿征求意见的通知");
        assertThat(page.items().get(1).dates().commentEnd()).isEqualTo(LocalDate.of(2025, 9, 6));
        // Read as UTF-8 the same bytes give no usable title: the charset matters, and the page must not pass.
        ParsedPage misread = adapter.parse(fetched("bzzqyj-list-page-2.gbk.html", PAGE_2, StandardCharsets.UTF_8),
                SITE);
        assertThat(misread.items()).noneMatch(item -> item.title().contains("网络安全"));
    }

    @Test
    void toleratesEveryWayOfWritingTheDeadline() {
        ParsedPage page = parse("bzzqyj-list-tolerant-times.handmade.html");

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).extracting(item -> item.dates().commentEnd()).containsExactly(
                LocalDate.of(2025, 10, 26), LocalDate.of(2025, 10, 20), LocalDate.of(2025, 10, 21),
                LocalDate.of(2025, 10, 17));
    }

    @Test
    void anItemThatShiftedToPage2IsTheSameItemThere() {
        ParsedPage first = parse("bzzqyj-list-page-1.handmade.html");
        ParsedPage second = adapter.parse(fetched("bzzqyj-list-page-2-shifted.handmade.html", PAGE_2), SITE);

        ObservedItem last = first.items().get(first.items().size() - 1);
        assertThat(second.items().get(0)).isEqualTo(last);
        assertThat(second.listedIds()).isNotEqualTo(first.listedIds()).hasSize(3);
    }

    @Test
    void anEmptyListGroupIsTheEndOfTheList() {
        ParsedPage page = parse("bzzqyj-list-empty.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.EMPTY_LIST);
        assertThat(page.clean()).isTrue();
    }

    @Test
    void aTruncatedPageKeepsOnlyCompleteItemsAndSaysSo() {
        ParsedPage page = parse("bzzqyj-list-truncated.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.truncated()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "legacy.bzzqyj:20250827154251", "legacy.bzzqyj:20250827154317", "legacy.bzzqyj:20250822101500");
        assertThat(page.problems()).anyMatch(p -> p.contains("truncated"))
                .anyMatch(p -> p.contains("20250818090000") && p.contains("no deadline"));
    }

    @Test
    void itemsMissingRequiredFieldsAreSkippedWithAProblemEach() {
        ParsedPage page = parse("bzzqyj-list-missing-fields.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly("legacy.bzzqyj:20250827154251");
        assertThat(page.listedIds()).hasSize(4);
        assertThat(page.problems()).hasSize(4)
                .anyMatch(p -> p.contains("20250827154317") && p.contains("no deadline"))
                .anyMatch(p -> p.contains("(abc)") && p.contains("no 14-digit id"))
                .anyMatch(p -> p.contains("20250818090000") && p.contains("no title"))
                .anyMatch(p -> p.contains("1 list item(s) without a link to bzzqyjDetail"));
        assertThat(page.clean()).isFalse();
    }

    @Test
    void theShtmlHomepageIsASoft404() {
        ParsedPage page = parse("shtml-homepage-inList.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).startsWith("soft-404:").contains("ul.inList");
    }

    @Test
    void theLegacyHomepageIsASoft404ThoughItListsDrafts() {
        ParsedPage page = parse("homepage-legacy.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).contains("legacy homepage").contains("bzzqyjDetail").contains("postDetail");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void anotherLegacyPageIsASoft404() {
        ParsedPage page = parse("published-query-page-1.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).contains("已发国标查询");
    }

    @Test
    void aRedesignedListIsUnrecognisedNotEmpty() {
        ParsedPage page = parse("bzzqyj-list-redesigned.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).contains("layout changed").contains("bzzqyjDetail");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void pagesAreRowOffsetsOfTen() {
        SiteAddress relay = new SiteAddress(URI.create("http://relay.example/tc260/"));

        assertThat(adapter.pageUrl(relay, 1))
                .contains(URI.create("http://relay.example/tc260/front/bzzqyjList.html?start=0&length=10"));
        assertThat(adapter.pageUrl(relay, 3))
                .contains(URI.create("http://relay.example/tc260/front/bzzqyjList.html?start=20&length=10"));
        assertThat(adapter.pageUrl(relay, 0)).isEmpty();
        assertThat(adapter.source()).isEqualTo("legacy.bzzqyj");
        assertThat(adapter.generation()).isEqualTo(SiteGeneration.LEGACY);
    }

    private ParsedPage parse(String fixture) {
        return adapter.parse(fetched(fixture, PAGE_1), SITE);
    }
}
