package org.tc260watch.scraper.source.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.portal.PortalFixtures.SITE;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;
import org.tc260watch.scraper.source.SiteAddress;

/** The CMS lists 通知公告, 新闻动态 and 出版物 on hand-made pages (no list page was ever captured). */
class CmsListAdapterTest {

    private final NoticeListAdapter notices = new NoticeListAdapter();
    private final NewsListAdapter news = new NewsListAdapter();
    private final PublicationListAdapter publications = new PublicationListAdapter();

    @Test
    void readsTheNoticeList() {
        ParsedPage page = notices.parse(PortalFixtures.page("notices-list.handmade.html", NoticeListAdapter.LIST_PATH),
                SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.listedIds()).containsExactly("5e0c2b7d9a4f4c1e8b6d3a2f1e0d9c8b",
                "267e851caadf4d7f834ede5e39a7e3cf", "160310cea5f6411d92fd99a52a42424f", "20250828165129",
                "20250519172429", "20250315113048");
        Map<String, ObservedItem> items = byKey(page);
        ObservedItem real = items.get("portal.notices:20250519172429");
        assertThat(real.sourceUrl()).isEqualTo("https://www.tc260.org.cn/portal/article/2/20250519172429");
        assertThat(real.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(real.title()).isEqualTo("关于发布《网络安全标准实践指南——个人信息保护合规审计要求》的通知");
        assertThat(real.bookTitles()).containsExactly("网络安全标准实践指南——个人信息保护合规审计要求");
        // The list date is the displayed date, not the id's 2025-05-19.
        assertThat(real.dates().published()).isEqualTo(LocalDate.of(2025, 5, 26));

        ObservedItem announcement = items.get("portal.notices:267e851caadf4d7f834ede5e39a7e3cf");
        assertThat(announcement.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
        assertThat(announcement.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(announcement.dates().published()).isEqualTo(LocalDate.of(2026, 3, 2));

        ObservedItem draftGuide = items.get("portal.notices:160310cea5f6411d92fd99a52a42424f");
        assertThat(draftGuide.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(draftGuide.stage()).isEqualTo(Stage.COMMENT_DRAFT);

        ObservedItem mandatory = items.get("portal.notices:20250315113048");
        assertThat(mandatory.standardIds()).containsExactly("GB 45438-2025");
        assertThat(items.get("portal.notices:5e0c2b7d9a4f4c1e8b6d3a2f1e0d9c8b").kind()).isEqualTo(ItemKind.NOTICE);
    }

    @Test
    void aStandardsFullTextArticleIsAPublishedStandardWithoutTheArticleDateAsItsPublication() {
        ParsedPage page = news.parse(PortalFixtures.page("news-list.handmade.html", NewsListAdapter.LIST_PATH), SITE);

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        Map<String, ObservedItem> items = byKey(page);
        assertThat(items).containsOnlyKeys("portal.news:7d6c5b4a39281706f5e4d3c2b1a09f8e",
                "portal.news:267e851caadf4d7f834ede5e39a7e3cf", "portal.news:20250630122232",
                "portal.news:20250519172429");
        ObservedItem fullText = items.get("portal.news:20250630122232");
        assertThat(fullText.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
        assertThat(fullText.standardIds()).containsExactly("GB/T 45654-2025");
        assertThat(fullText.sourceUrl()).endsWith("/portal/article/1/20250630122232");
        // 2025-06-30 is the article's date; GB/T 45654-2025 was published 2025-04-25 (docs §3.6).
        assertThat(fullText.dates().published()).isNull();
    }

    @Test
    void publicationsTakeTheirKindFromIdentifiersTitlesAndCategory() {
        ParsedPage page = publications.parse(
                PortalFixtures.page("publications-list.handmade.html", PublicationListAdapter.LIST_PATH), SITE);

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        Map<String, ObservedItem> items = byKey(page);
        assertThat(items.get("portal.publications:4061772dcf684d8a96f395a4298e9e53")).satisfies(pg -> {
            assertThat(pg.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
            assertThat(pg.standardIds()).containsExactly("TC260-PG-20257A");
            assertThat(pg.sourceUrl()).endsWith("/portal/article/303/4061772dcf684d8a96f395a4298e9e53");
        });
        // Named by number only, no 实践指南 in the title.
        assertThat(items.get("portal.publications:20250519172429").kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(items.get("portal.publications:20240301164054")).satisfies(td -> {
            assertThat(td.kind()).isEqualTo(ItemKind.TECHNICAL_DOCUMENT);
            assertThat(td.standardIds()).containsExactly("TC260-003");
            assertThat(td.dates().published()).isEqualTo(LocalDate.of(2024, 2, 29));
        });
        assertThat(items.get("portal.publications:9a8b7c6d5e4f40312233445566778899")).satisfies(tr -> {
            assertThat(tr.kind()).isEqualTo(ItemKind.RESEARCH_REPORT);
            assertThat(tr.standardIds()).containsExactly("TC260-TR-005-2026");
        });
        assertThat(items.get("portal.publications:b694733a8d9946afb4ac6e1b075b660a").kind())
                .isEqualTo(ItemKind.TECHNICAL_DOCUMENT);
    }

    @Test
    void anEmptyListContainerIsTheEndOfTheList() {
        ParsedPage page = notices.parse(
                PortalFixtures.page("notices-list-empty.handmade.html", NoticeListAdapter.LIST_PATH + "?page=9"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.EMPTY_LIST);
        assertThat(page.clean()).isTrue();
    }

    @Test
    void aTruncatedListKeepsOnlyCompleteItemsAndSaysSo() {
        ParsedPage page = notices.parse(
                PortalFixtures.page("notices-list-truncated.handmade.html", NoticeListAdapter.LIST_PATH), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.truncated()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "portal.notices:5e0c2b7d9a4f4c1e8b6d3a2f1e0d9c8b", "portal.notices:267e851caadf4d7f834ede5e39a7e3cf",
                "portal.notices:160310cea5f6411d92fd99a52a42424f", "portal.notices:20250828165129");
        // The cut inside the fifth row's <a> tag leaves a row without a link: reported, not published.
        assertThat(page.problems()).containsExactly("page truncated (no </html>)",
                "1 list row(s) without an article link");
    }

    @Test
    void itemsMissingRequiredFieldsAreSkippedWithAProblemEach() {
        ParsedPage page = notices.parse(
                PortalFixtures.page("notices-list-missing-fields.handmade.html", NoticeListAdapter.LIST_PATH), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).extracting(ObservedItem::itemKey)
                .containsExactly("portal.notices:267e851caadf4d7f834ede5e39a7e3cf");
        assertThat(page.problems()).hasSize(4)
                .anyMatch(p -> p.contains("160310cea5f6411d92fd99a52a42424f") && p.contains("no date"))
                .anyMatch(p -> p.contains("20250828165129") && p.contains("no title"))
                .anyMatch(p -> p.contains("(abc123)") && p.contains("no 14-digit or 32-hex id"))
                .anyMatch(p -> p.contains("1 list row(s) without an article link"));
        assertThat(page.clean()).isFalse();
    }

    @Test
    void aRedesignedListIsUnrecognised() {
        ParsedPage page = notices.parse(
                PortalFixtures.page("notices-list-redesigned.handmade.html", NoticeListAdapter.LIST_PATH), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).contains("layout changed").contains("通知公告");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void homepagesAndOtherPagesAreSoft404s() {
        assertThat(notices.parse(PortalFixtures.page("homepage-shtml.handmade.html", NoticeListAdapter.LIST_PATH),
                SITE).reason()).startsWith("soft-404:").contains("ul.inList");
        assertThat(news.parse(PortalFixtures.page("homepage-portal-info-item.handmade.html",
                NewsListAdapter.LIST_PATH), SITE).reason()).startsWith("soft-404:").contains(".info-item");
        ParsedPage article = notices.parse(PortalFixtures.page("portal-article-2-20250519172429.real.html",
                NoticeListAdapter.LIST_PATH), SITE);
        assertThat(article.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(article.reason()).contains("article page");
        ParsedPage suggestions = publications.parse(PortalFixtures.page("suggestion-list.handmade.html",
                PublicationListAdapter.LIST_PATH), SITE);
        assertThat(suggestions.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(suggestions.reason()).contains("another page").contains("出版物");
    }

    @Test
    void anItemShiftedToPage2IsReadThereUnderTheSameKey() {
        ParsedPage first = notices.parse(PortalFixtures.page("notices-list.handmade.html",
                NoticeListAdapter.LIST_PATH), SITE);
        ParsedPage second = notices.parse(PortalFixtures.page("notices-list-page-2-shifted.handmade.html",
                NoticeListAdapter.LIST_PATH + "?page=2"), SITE);

        ObservedItem before = byKey(first).get("portal.notices:20250519172429");
        ObservedItem after = byKey(second).get("portal.notices:20250519172429");
        // Same item, same content: the page it was read on is not part of it.
        assertThat(after).isEqualTo(before);
        assertThat(second.listedIds()).isNotEqualTo(first.listedIds());
    }

    @Test
    void pagesAreGuessedAsPageParameters() {
        SiteAddress relay = new SiteAddress(URI.create("http://relay.example/tc260/"));

        assertThat(notices.pageUrl(relay, 1)).contains(URI.create("http://relay.example/tc260/portal/cms/work/10/2"));
        assertThat(news.pageUrl(relay, 2)).contains(URI.create("http://relay.example/tc260/portal/cms/work/10/0?page=2"));
        assertThat(publications.pageUrl(relay, 3))
                .contains(URI.create("http://relay.example/tc260/portal/cms/print/300/0?page=3"));
        assertThat(notices.pageUrl(relay, 0)).isEmpty();
        assertThat(notices.source()).isEqualTo("portal.notices");
        assertThat(news.source()).isEqualTo("portal.news");
        assertThat(publications.source()).isEqualTo("portal.publications");
    }

    private static Map<String, ObservedItem> byKey(ParsedPage page) {
        return page.items().stream().collect(Collectors.toMap(ObservedItem::itemKey, Function.identity()));
    }
}
