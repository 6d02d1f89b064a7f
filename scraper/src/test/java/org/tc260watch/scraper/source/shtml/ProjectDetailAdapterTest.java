package org.tc260watch.scraper.source.shtml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.SITE;
import static org.tc260watch.scraper.source.shtml.ShtmlFixtures.page;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

class ProjectDetailAdapterTest {

    private static final String P1 = "b1c2d3e4f5a6478899aabbccddeeff00";
    private static final String DETAIL = "/tc260/bzzqyj/bzkdetail.shtml?id=" + P1 + "&type=gjbzjh";

    private final ProjectDetailAdapter adapter = new ProjectDetailAdapter();

    private static ObservedItem listed() {
        return new ProjectOpinionAdapter().parse(page("project-opinion-page-1.handmade.json",
                "/tc260-webapp/api/projectOpinion/list?pageNum=1&pageSize=50"), SITE).items().get(0);
    }

    @Test
    void detailsTheProjectOpinionRows() {
        assertThat(adapter.sources()).containsExactly(ProjectOpinionAdapter.SOURCE);
        assertThat(adapter.detailUrl(listed(), SITE)).contains(URI.create("https://www.tc260.org.cn" + DETAIL));
    }

    @Test
    void aPageWithTheProjectAddsItsFilesAndKeepsTheListedPeriod() {
        ParsedPage page = adapter.parse(listed(), page("bzkdetail-with-data.handmade.html", DETAIL), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.itemKey()).isEqualTo("shtml.project-opinion:" + P1);
            assertThat(item.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
            assertThat(item.stage()).isEqualTo(Stage.COMMENT_DRAFT);
            assertThat(item.standardIds()).containsExactly("20262852-T-469");
            assertThat(item.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(item.attachments()).extracting(Attachment::label).containsExactly("征求意见稿", "编制说明");
        });
    }

    @Test
    void aScriptShellWithoutTheDataIsUnrecognisedRatherThanAnEmptyItem() {
        ParsedPage page = adapter.parse(listed(), page("bzkdetail-script-shell.handmade.html", DETAIL), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(page.reason()).contains("does not show project shtml.project-opinion:" + P1);
        assertThat(page.items()).isEmpty();
    }

    @Test
    void theHomepageIsASoft404() {
        ParsedPage page = adapter.parse(listed(), page("homepage.handmade.html", DETAIL), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.SOFT_404);
    }
}
