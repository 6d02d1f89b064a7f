package org.tc260watch.scraper.source.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.SITE;
import static org.tc260watch.scraper.source.legacy.LegacyFixtures.fetched;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

/** The notices list page is UNVERIFIED (docs/tc260-site.md §2.4): these fixtures are assumptions, see the adapter. */
class NoticeListAdapterTest {

    private static final String PAGE_1 = "/front/postList.html?start=0&length=10";

    private final NoticeListAdapter adapter = new NoticeListAdapter();

    @Test
    void readsTheNoticesWithKindsFromTheirTitles() {
        ParsedPage page = parse("notices-list-page-1.unverified.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "legacy.notices:20250915154109", "legacy.notices:20250828165129", "legacy.notices:20250704092842",
                "legacy.notices:20250519172429", "legacy.notices:20240301164054", "legacy.notices:20221108180519");
        assertThat(page.items()).extracting(ObservedItem::kind).containsExactly(
                ItemKind.NOTICE, ItemKind.PRACTICE_GUIDE, ItemKind.PUBLICATION_ANNOUNCEMENT, ItemKind.PRACTICE_GUIDE,
                ItemKind.TECHNICAL_DOCUMENT, ItemKind.COMMENT_DRAFT_NOTICE);
        ObservedItem td = page.items().get(4);
        assertThat(td.sourceUrl()).isEqualTo("https://www.tc260.org.cn/front/postDetail.html?id=20240301164054");
        assertThat(td.standardIds()).containsExactly("TC260-003");
        // The list's date is when the notice was put up, not the id's timestamp (2024-03-01).
        assertThat(td.dates().published()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void anEmptyListSayingSoIsTheEndOfTheList() {
        ParsedPage page = parse("notices-list-empty.unverified.handmade.html");

        assertThat(page.verdict()).isEqualTo(Verdict.EMPTY_LIST);
        assertThat(page.clean()).isTrue();
    }

    @Test
    void itemsMissingIdOrTitleAreSkippedWithAProblemEach() {
        ParsedPage page = parse("notices-list-missing-fields.unverified.handmade.html");

        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly("legacy.notices:20250915154109");
        assertThat(page.problems()).hasSize(2)
                .anyMatch(p -> p.contains("(2025-07-04)") && p.contains("no 14-digit id"))
                .anyMatch(p -> p.contains("20250519172429") && p.contains("no title"));
    }

    @Test
    void theDraftsListIsNotTheNoticesList() {
        ParsedPage page = parse("bzzqyj-list-page-1.handmade.html");

        assertThat(page.verdict()).isNotEqualTo(Verdict.ITEMS).isNotEqualTo(Verdict.EMPTY_LIST);
        assertThat(page.items()).isEmpty();
    }

    @Test
    void homepagesAreSoft404s() {
        assertThat(parse("homepage-legacy.handmade.html").reason()).startsWith("soft-404:").contains("legacy");
        assertThat(parse("shtml-homepage-inList.handmade.html").reason()).startsWith("soft-404:");
    }

    @Test
    void pagesAreRowOffsetsOfTen() {
        assertThat(adapter.pageUrl(SITE, 2))
                .contains(URI.create("https://www.tc260.org.cn/front/postList.html?start=10&length=10"));
        assertThat(adapter.source()).isEqualTo("legacy.notices");
        assertThat(adapter.generation()).isEqualTo(SiteGeneration.LEGACY);
    }

    private ParsedPage parse(String fixture) {
        return adapter.parse(fetched(fixture, PAGE_1), SITE);
    }
}
