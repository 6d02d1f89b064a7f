package org.tc260watch.scraper.source.shtml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.SITE;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.page;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class HomepageAdapterTest {

    private final HomepageAdapter adapter = new HomepageAdapter();

    @Test
    void isOnePageAtTheRoot() {
        assertThat(adapter.source()).isEqualTo("shtml.home");
        assertThat(adapter.generation()).isEqualTo(SiteGeneration.SHTML);
        assertThat(adapter.pageUrl(SITE, 1)).contains(SITE.at("/"));
        assertThat(adapter.pageUrl(SITE, 2)).isEmpty();
    }

    @Test
    void readsEveryInListItemWithTitleAttributeDateInsideTheLinkAndKindFromTheTitle() {
        ParsedPage page = adapter.parse(page("homepage.handmade.html", "/"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "shtml.home:4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d",
                "shtml.home:7c1d2e3f4a5b4c6d8e9f0a1b2c3d4e5f",
                "shtml.home:e5b82ae7aca244d19d36b39575cbb458",
                "shtml.home:d513a007d04347f58e483fabaefb34b8",
                "shtml.home:3f2e1d0c9b8a47f6a5e4d3c2b1a09f8e",
                "shtml.home:5d4c3b2a19084f7e6d5c4b3a29180f7e",
                "shtml.home:f0a84ada0c11458e9cb6da56c1cb2426");
        ObservedItem cockpit = page.items().get(0);
        // 2026年9月15日 inside the link; the title attribute, not the link's date + title text.
        assertThat(cockpit.title()).isEqualTo("关于发布《座舱数据处理安全要求》的通知");
        assertThat(cockpit.dates().published()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(cockpit.sourceUrl())
                .isEqualTo("https://www.tc260.org.cn/tc260/tzgg/202609/4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d.shtml");
        assertThat(cockpit.kind()).isEqualTo(ItemKind.NOTICE);
        assertThat(cockpit.bookTitles()).containsExactly("座舱数据处理安全要求");

        ObservedItem draftGuide = page.items().get(2);
        assertThat(draftGuide.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(draftGuide.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(draftGuide.title()).endsWith("(征求意见稿 v1.0-202609)");
        assertThat(draftGuide.dates().published()).isEqualTo(LocalDate.of(2026, 9, 2));

        assertThat(page.items().get(3).kind()).isEqualTo(ItemKind.NOTICE);
        ObservedItem guide = page.items().get(6);
        assertThat(guide.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(guide.standardIds()).containsExactly("TC260-PG-20258A");
    }

    @Test
    void theRss2cuboxShapeIsReadButItsTruncatedIdsAreSkippedAsProblems() {
        ParsedPage page = adapter.parse(page("shtml-homepage-inList.handmade.html", "/"), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).isEmpty();
        assertThat(page.listedIds()).containsExactly("e879077a", "4a537d5c");
        assertThat(page.problems()).containsExactly(
                "item 1 (e879077a): no 32-hex id", "item 2 (4a537d5c): no 32-hex id");
    }

    @Test
    void theShapeWithFullIdsGivesCleanTitlesAndBothDateForms() {
        String html = ShtmlFixtures.read("shtml-homepage-inList.handmade.html", java.nio.charset.StandardCharsets.UTF_8)
                .replace("e879077a.shtml", "e879077a0c1d4e2f8a9b3c4d5e6f7a8b.shtml")
                .replace("4a537d5c.shtml", "4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d.shtml");
        ParsedPage page = adapter.parse(ShtmlFixtures.body(html, "/", ShtmlFixtures.HTML), SITE);

        assertThat(page.items()).extracting(ObservedItem::title)
                .containsExactly("《人工智能安全治理框架3.0》", "关于发布《座舱数据处理安全要求》的通知");
        assertThat(page.items()).extracting(item -> item.dates().published())
                .containsExactly(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 15));
    }

    @Test
    void aLinkWithoutTitleAttributeIsTitledByItsTextWithoutTheDate() {
        String html = "<html><body><ul class=\"inList\"><li><a href=\"/tc260/tzgg/202609/"
                + "4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d.shtml\"><span class=\"date\">2026-09-15</span>关于发布《座舱数据处理安全要求》的通知"
                + "</a></li></ul></body></html>";
        ParsedPage page = adapter.parse(ShtmlFixtures.body(html, "/", ShtmlFixtures.HTML), SITE);

        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("关于发布《座舱数据处理安全要求》的通知");
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2026, 9, 15));
        });
    }

    @Test
    void thePortalHomepageOrAnotherLayoutIsUnrecognised() {
        ParsedPage portal = adapter.parse(ShtmlFixtures.body("<html><body><div class=\"info-item\"><div class=\"title\">"
                + "<a href=\"/portal/article/2/1\">x</a></div></div></body></html>", "/", ShtmlFixtures.HTML), SITE);
        ParsedPage other = adapter.parse(ShtmlFixtures.body("<html><body><div class=\"news\"></div></body></html>", "/",
                ShtmlFixtures.HTML), SITE);

        assertThat(portal.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(portal.reason()).contains(".info-item");
        assertThat(other.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(other.reason()).contains("ul.inList");
    }
}
