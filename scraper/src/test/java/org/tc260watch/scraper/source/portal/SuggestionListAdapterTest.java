package org.tc260watch.scraper.source.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;
import org.tc260watch.scraper.source.SiteAddress;

class SuggestionListAdapterTest {

    private static final SiteAddress SITE = new SiteAddress(URI.create("https://www.tc260.org.cn"));
    private static final String REAL_ID = "3bb57023c00a464faf4c2f7b9a5524c7";
    private static final String REAL_TITLE =
            "关于国家标准《数据安全技术 个人信息保护合规审计专业机构能力要求》征求意见稿征求意见的通知";

    private final SuggestionListAdapter adapter = new SuggestionListAdapter();

    @Test
    void readsTheRealSnippetItem() {
        ParsedPage page = parse("suggestion-item.snippet.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).hasSize(1);
        ObservedItem item = page.items().get(0);
        assertThat(item.itemKey()).isEqualTo("portal.suggestion:" + REAL_ID);
        assertThat(item.sourceUrl()).isEqualTo("https://www.tc260.org.cn/portal/suggestion-detail/" + REAL_ID);
        assertThat(item.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(item.title()).isEqualTo(REAL_TITLE);
        assertThat(item.bookTitles()).containsExactly("数据安全技术 个人信息保护合规审计专业机构能力要求");
        assertThat(item.standardIds()).isEmpty();
        assertThat(item.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(item.dates()).isEqualTo(new ItemDates(
                LocalDate.of(2026, 2, 11), LocalDate.of(2026, 2, 11), LocalDate.of(2026, 4, 12), null));
        // A bare snippet is not a whole page: it must not pass for a complete one.
        assertThat(page.truncated()).isTrue();
        assertThat(page.clean()).isFalse();
    }

    @Test
    void readsAWholeListPageCleanly() {
        ParsedPage page = parse("suggestion-list.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "portal.suggestion:" + REAL_ID,
                "portal.suggestion:5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c",
                "portal.suggestion:a1b2c3d4e5f60718293a4b5c6d7e8f90");
        assertThat(page.listedIds()).hasSize(3);
        assertThat(page.items()).allSatisfy(item -> {
            assertThat(item.title()).doesNotContain("  ").doesNotStartWith(" ");
            assertThat(item.dates().commentEnd()).isAfter(item.dates().published());
        });
    }

    @Test
    void findsStandardNumbersInTitlesThroughStandardId() {
        String html = "<div class=\"publication\"><div class=\"right\"><div class=\"item\">"
                + "<a onclick=\"jumpDetail('" + REAL_ID + "','2026-05-01')\">关于国家标准《网络安全技术 网络安全风险评估方法》"
                + "（代替GB/T 20984—2022）征求意见稿征求意见的通知</a><span>2026-03-01</span></div></div></div></html>";
        ParsedPage page = adapter.parse(page(html), SITE);

        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.standardIds()).containsExactly("GB/T 20984-2022");
            assertThat(item.bookTitles()).containsExactly("网络安全技术 网络安全风险评估方法");
        });
    }

    @Test
    void anEmptyListContainerIsTheEndOfTheList() {
        ParsedPage page = parse("suggestion-empty.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.EMPTY_LIST);
        assertThat(page.items()).isEmpty();
        assertThat(page.clean()).isTrue();
    }

    @Test
    void aTruncatedPageKeepsOnlyCompleteItemsAndSaysSo() {
        ParsedPage page = parse("suggestion-truncated.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.truncated()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "portal.suggestion:" + REAL_ID, "portal.suggestion:5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c");
        assertThat(page.problems()).anyMatch(p -> p.contains("truncated"))
                .anyMatch(p -> p.contains("a1b2c3d4e5f60718293a4b5c6d7e8f90") && p.contains("publish date"));
    }

    @Test
    void itemsMissingRequiredFieldsAreSkippedWithAProblemEach() {
        ParsedPage page = parse("suggestion-missing-fields.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly("portal.suggestion:" + REAL_ID);
        assertThat(page.listedIds()).hasSize(4);
        assertThat(page.problems()).hasSize(3)
                .anyMatch(p -> p.contains("5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c") && p.contains("no publish date"))
                .anyMatch(p -> p.contains("a1b2c3d4e5f60718293a4b5c6d7e8f90") && p.contains("no title")
                        && p.contains("no deadline"))
                .anyMatch(p -> p.contains("(12345)") && p.contains("no 32-hex id"));
        assertThat(page.clean()).isFalse();
    }

    @Test
    void theShtmlHomepageIsASoft404() {
        ParsedPage page = parse("homepage-shtml.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).startsWith("soft-404:").contains("ul.inList");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void thePortalHomepageIsASoft404() {
        ParsedPage page = parse("homepage-portal-info-item.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).startsWith("soft-404:").contains(".info-item");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void anotherRealPortalPageIsASoft404ByItsTitle() {
        ParsedPage page = parse("portal-article-2-20250519172429.real.html");

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(page.reason()).startsWith("soft-404:").contains("个人信息保护合规审计要求");
    }

    @Test
    void aRedesignedListWithoutJumpDetailIsNotReadAsItems() {
        ParsedPage page = parse("suggestion-redesigned.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).contains("layout changed").contains("2 list item(s)");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void aNewLayoutWithoutTheListContainerIsNotReadAsItems() {
        ParsedPage page = parse("suggestion-new-layout.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).contains("layout changed").contains(".publication .right");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void pagesStartAtTheEntryUrlThenUsePageParameter() {
        SiteAddress relay = new SiteAddress(URI.create("http://relay.example/tc260/"));

        assertThat(adapter.pageUrl(relay, 1)).contains(URI.create("http://relay.example/tc260/portal/suggestion"));
        assertThat(adapter.pageUrl(relay, 3))
                .contains(URI.create("http://relay.example/tc260/portal/suggestion?page=3"));
        assertThat(adapter.pageUrl(relay, 0)).isEmpty();
        assertThat(adapter.source()).isEqualTo("portal.suggestion");
        assertThat(adapter.generation()).isEqualTo(SiteGeneration.PORTAL);
    }

    @Test
    void theContentHashCoversContentNotTheRunNorTheListing() {
        ObservedItem item = parse("suggestion-list.handmade.html").items().get(0);
        Instant monday = Instant.parse("2026-03-02T00:00:00Z");
        Snapshot first = item.toSnapshot(adapter.source(), adapter.generation(), adapter.listing(), monday, "run-1");
        Snapshot again = item.toSnapshot(adapter.source(), adapter.generation(), adapter.listing(),
                monday.plusSeconds(86400), "run-2");
        ObservedItem moved = new ObservedItem(item.itemKey(), item.sourceUrl(), item.kind(), item.title(),
                item.standardIds(), item.bookTitles(), item.stage(),
                new ItemDates(item.dates().published(), item.dates().commentStart(), LocalDate.of(2026, 4, 30), null),
                item.attachments(), item.documentNumber());

        assertThat(first.contentHash()).matches("[0-9a-f]{64}").isEqualTo(again.contentHash());
        assertThat(moved.toSnapshot(adapter.source(), adapter.generation(), adapter.listing(), first.observedAt(),
                "run-1").contentHash()).isNotEqualTo(first.contentHash());
        assertThat(first.runId()).isEqualTo("run-1");
        assertThat(first.listing()).isEqualTo(Listing.OPEN_FOR_COMMENT);
        // The listing is the source's, not the item's: the hash is the one published before snapshots carried it.
        assertThat(first.contentHash()).isEqualTo("5d8e2b3e4bc2ee8440708e8e9ad001aff1fb115b187d52079ca544c2a38ccb1e")
                .isEqualTo(item.toSnapshot(adapter.source(), adapter.generation(), Listing.ARCHIVE, monday, "run-1")
                        .contentHash());
    }

    private ParsedPage parse(String fixture) {
        return adapter.parse(page(read(fixture)), SITE);
    }

    private static FetchedPage page(String body) {
        URI url = SITE.at(SuggestionListAdapter.LIST_PATH);
        return new FetchedPage(url, url, 200, "text/html;charset=UTF-8", StandardCharsets.UTF_8, body,
                body.getBytes(StandardCharsets.UTF_8).length, Instant.now());
    }

    private static String read(String fixture) {
        try (InputStream in = SuggestionListAdapterTest.class.getResourceAsStream(fixture)) {
            assertThat(in).as("fixture " + fixture).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
