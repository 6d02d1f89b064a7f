package org.tc260watch.scraper.source.shtml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.SITE;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.page;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class ProjectOpinionAdapterTest {

    private static final String P1 = "b1c2d3e4f5a6478899aabbccddeeff00";
    private static final String PAGE_1 = "/tc260-webapp/api/projectOpinion/list?pageNum=1&pageSize=50";

    private final ProjectOpinionAdapter adapter = new ProjectOpinionAdapter();

    @Test
    void pagesByPageNum() {
        assertThat(adapter.source()).isEqualTo("shtml.project-opinion");
        assertThat(adapter.pageUrl(SITE, 1)).contains(SITE.at(PAGE_1));
        assertThat(adapter.pageUrl(SITE, 3))
                .contains(SITE.at("/tc260-webapp/api/projectOpinion/list?pageNum=3&pageSize=50"));
    }

    @Test
    void readsEveryRowAsACommentDraftWithItsPeriodIdsAndDetailPage() {
        ParsedPage page = adapter.parse(page("project-opinion-page-1.handmade.json", PAGE_1), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly(
                "shtml.project-opinion:" + P1,
                "shtml.project-opinion:c2d3e4f5a6b7489900aabbccddeeff11",
                "shtml.project-opinion:10234");
        ObservedItem first = page.items().get(0);
        assertThat(first.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(first.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(first.title()).isEqualTo("网络安全技术 人工智能代码生成服务安全要求");
        assertThat(first.dates()).isEqualTo(new ItemDates(
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31), null));
        assertThat(first.standardIds()).containsExactly("20262852-T-469");
        assertThat(first.bookTitles()).containsExactly("网络安全技术 人工智能代码生成服务安全要求");
        assertThat(first.sourceUrl()).isEqualTo(
                "https://www.tc260.org.cn/tc260/bzzqyj/bzkdetail.shtml?id=" + P1 + "&type=gjbzjh");
        // A numeric projectId and a revision: the replaced standard and the plan number, from the note.
        assertThat(page.items().get(2).standardIds()).containsExactly("GB/T 20984-2022", "20251234-T-469");
        // total 3 reached on page 1 (pageSize 50).
        assertThat(page.lastPage()).isTrue();
    }

    @Test
    void withoutTotalTheListEndsAtAnEmptyPage() {
        ParsedPage one = adapter.parse(page("project-opinion-no-total.handmade.json", PAGE_1), SITE);
        ParsedPage two = adapter.parse(page("project-opinion-empty.handmade.json",
                "/tc260-webapp/api/projectOpinion/list?pageNum=2&pageSize=50"), SITE);

        assertThat(one.items()).hasSize(1);
        assertThat(one.lastPage()).isFalse();
        assertThat(two.verdict()).isEqualTo(Verdict.EMPTY_LIST);
        assertThat(two.clean()).isTrue();
    }

    @Test
    void rowsAndTotalAtTheTopLevelAreReadToo() {
        ParsedPage page = adapter.parse(page("project-opinion-top-level.handmade.json", PAGE_1), SITE);

        assertThat(page.items()).extracting(ObservedItem::itemKey)
                .containsExactly("shtml.project-opinion:c2d3e4f5a6b7489900aabbccddeeff11");
        assertThat(page.lastPage()).isTrue();
    }

    @Test
    void rowsMissingRequiredFieldsAreSkippedWithAProblemEach() {
        ParsedPage page = adapter.parse(page("project-opinion-missing-fields.handmade.json", PAGE_1), SITE);

        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly("shtml.project-opinion:" + P1);
        assertThat(page.listedIds()).hasSize(4);
        assertThat(page.problems()).containsExactly(
                "row 2 (d3e4f5a6b7c8490011aabbccddeeff22): no etime (comment end)",
                "row 3: no projectId",
                "row 4 (e4f5a6b7c8d9401122aabbccddeeff33): no recordTitle, no etime (comment end)");
        assertThat(page.clean()).isFalse();
    }

    @Test
    void malformedJsonIsUnrecognised() {
        ParsedPage page = adapter.parse(page("project-opinion-malformed.handmade.json", PAGE_1), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).startsWith("malformed JSON: ");
        assertThat(page.items()).isEmpty();
    }

    @Test
    void anErrorAnswerWithoutRowsIsUnrecognisedWithItsMessage() {
        ParsedPage page = adapter.parse(page("project-opinion-server-error.handmade.json", PAGE_1), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).isEqualTo("JSON without data.rows (code 500, msg '系统繁忙，请稍后再试')");
    }

    @Test
    void theHomepageInsteadOfJsonIsASoft404() {
        ParsedPage home = adapter.parse(page("homepage.handmade.html", PAGE_1), SITE);
        ParsedPage other = adapter.parse(ShtmlFixtures.body("<html><head><title>502 Bad Gateway</title></head></html>",
                PAGE_1, ShtmlFixtures.HTML), SITE);

        assertThat(home.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(home.reason()).isEqualTo("soft-404: the API answered with the site's homepage (ul.inList), not JSON");
        assertThat(other.verdict()).isEqualTo(Verdict.SOFT_404);
        assertThat(other.reason()).contains("'502 Bad Gateway'");
    }
}
