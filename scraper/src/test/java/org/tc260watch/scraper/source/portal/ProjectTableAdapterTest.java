package org.tc260watch.scraper.source.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.scraper.source.portal.PortalFixtures.SITE;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.ParsedPage.Verdict;

/** The project plan and published-standard query pages, on GUESSED tables (no HTML of either is known). */
class ProjectTableAdapterTest {

    private final PlanListAdapter plan = new PlanListAdapter();
    private final StandardListAdapter standards = new StandardListAdapter();

    @Test
    void readsPlanItemsWithTheirTc260Status() {
        ParsedPage page = plan.parse(PortalFixtures.page("plan-table.handmade.html", PlanListAdapter.LIST_PATH), SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.ITEMS);
        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        Map<String, ObservedItem> items = byKey(page);
        assertThat(items).containsOnlyKeys("portal.plan:20240896-T-469", "portal.plan:20250864-T-469",
                "portal.plan:20243076-Q-339", "portal.plan:20252537-T-469");
        ObservedItem audit = items.get("portal.plan:20240896-T-469");
        assertThat(audit.kind()).isEqualTo(ItemKind.PLAN_ITEM);
        assertThat(audit.title()).isEqualTo("数据安全技术 个人信息保护合规审计要求");
        assertThat(audit.standardIds()).containsExactly("20240896-T-469");
        assertThat(audit.stage()).isEqualTo(Stage.APPROVAL_DRAFT);
        assertThat(audit.sourceUrl()).isEqualTo("https://www.tc260.org.cn/portal/project/plan");
        assertThat(items.get("portal.plan:20250864-T-469").stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(items.get("portal.plan:20243076-Q-339").stage()).isEqualTo(Stage.REVIEW_DRAFT);
        ObservedItem revision = items.get("portal.plan:20252537-T-469");
        assertThat(revision.stage()).isEqualTo(Stage.UNDER_REVISION);
        assertThat(revision.standardIds()).containsExactly("20252537-T-469", "GB/T 35273-2020");
    }

    @Test
    void columnsAreFoundByTheirHeadersNotTheirPlace() {
        ParsedPage page = plan.parse(
                PortalFixtures.page("plan-table-reordered.handmade.html", PlanListAdapter.LIST_PATH), SITE);

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        assertThat(page.items()).extracting(ObservedItem::itemKey, ObservedItem::stage).containsExactly(
                org.assertj.core.groups.Tuple.tuple("portal.plan:20240896-T-469", Stage.APPROVAL_DRAFT),
                org.assertj.core.groups.Tuple.tuple("portal.plan:20250864-T-469", Stage.COMMENT_DRAFT));
    }

    @Test
    void rowsMissingRequiredFieldsAreSkippedWithAProblemEach() {
        ParsedPage page = plan.parse(
                PortalFixtures.page("plan-table-missing-fields.handmade.html", PlanListAdapter.LIST_PATH), SITE);

        assertThat(page.items()).extracting(ObservedItem::itemKey).containsExactly("portal.plan:20240896-T-469");
        assertThat(page.problems()).containsExactly("row 2: no plan number", "row 3 (20251312-T-469): no title",
                "row 4 (20262852-T-469): no stage in status '待定'");
        assertThat(page.clean()).isFalse();
    }

    @Test
    void aNoDataTableIsTheEndOfTheList() {
        ParsedPage page = plan.parse(PortalFixtures.page("plan-table-empty.handmade.html", PlanListAdapter.LIST_PATH),
                SITE);

        assertThat(page.verdict()).isEqualTo(Verdict.EMPTY_LIST);
    }

    @Test
    void aScriptRenderedTableIsUnrecognisedAndOtherPagesAreSoft404s() {
        ParsedPage script = plan.parse(
                PortalFixtures.page("plan-script-rendered.handmade.html", PlanListAdapter.LIST_PATH), SITE);
        assertThat(script.verdict()).isEqualTo(Verdict.UNRECOGNISED);
        assertThat(script.reason()).contains("layout changed");

        assertThat(plan.parse(PortalFixtures.page("homepage-portal-info-item.handmade.html",
                PlanListAdapter.LIST_PATH), SITE).reason()).startsWith("soft-404:").contains(".info-item");
        assertThat(standards.parse(PortalFixtures.page("portal-article-2-20250519172429.real.html",
                StandardListAdapter.LIST_PATH), SITE).verdict()).isEqualTo(Verdict.SOFT_404);
        // The plan table is not the standards table.
        assertThat(standards.parse(PortalFixtures.page("plan-table.handmade.html", StandardListAdapter.LIST_PATH),
                SITE).verdict()).isEqualTo(Verdict.SOFT_404);
    }

    @Test
    void readsPublishedStandardsWithDatesAndStatus() {
        ParsedPage page = standards.parse(
                PortalFixtures.page("standards-table.handmade.html", StandardListAdapter.LIST_PATH), SITE);

        assertThat(page.clean()).as(page.problems().toString()).isTrue();
        Map<String, ObservedItem> items = byKey(page);
        assertThat(items).containsOnlyKeys("portal.standards:GB/T 45654-2025", "portal.standards:GB 45438-2025",
                "portal.standards:GB/T 47020-2026", "portal.standards:GB/T 35273-2020");
        ObservedItem genAi = items.get("portal.standards:GB/T 45654-2025");
        assertThat(genAi.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
        assertThat(genAi.standardIds()).containsExactly("GB/T 45654-2025");
        assertThat(genAi.title()).isEqualTo("网络安全技术 生成式人工智能服务安全基本要求");
        assertThat(genAi.dates()).isEqualTo(
                new ItemDates(LocalDate.of(2025, 4, 25), null, null, LocalDate.of(2025, 11, 1)));
        assertThat(genAi.stage()).isEqualTo(Stage.IN_FORCE);
        assertThat(items.get("portal.standards:GB/T 47020-2026").stage()).isEqualTo(Stage.PUBLISHED);
    }

    private static Map<String, ObservedItem> byKey(ParsedPage page) {
        return page.items().stream().collect(Collectors.toMap(ObservedItem::itemKey, Function.identity()));
    }
}
