package org.tc260watch.scraper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.admin.PollReport;
import org.tc260watch.scraper.sim.InjectTc260Simulator;
import org.tc260watch.scraper.sim.RecordedRequest;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.sim.Tc260SimulatorTestResource;

/**
 * Every {@code /portal/} source against the portal-era simulated site (states 200-203, see
 * {@code tc260-sim/README-portal.md}), real broker, polls through the admin endpoint. Other generations' sources
 * run in the same poll (no generation detection yet): only the portal runs are asserted. Detail pages are not yet
 * fetched by the poll loop, so the snapshots are what the list pages say.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(value = Tc260SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = Tc260SimulatorTestResource.FIXTURE_ROOT, value = Tc260Simulator.DEFAULT_FIXTURE_ROOT),
        @ResourceArg(name = Tc260SimulatorTestResource.INITIAL_STATE, value = "200")})
@WithTestResource(AdminTokenTestResource.class)
class PortalSiteIT {

    private static final List<String> PORTAL_SOURCES = List.of("portal.news", "portal.notices", "portal.plan",
            "portal.publications", "portal.standards", "portal.suggestion");
    private static final String REAL = "20250519172429";
    private static final String ANNOUNCEMENT = "267e851caadf4d7f834ede5e39a7e3cf";
    private static final String AIGC = "20250828165129";

    @InjectTc260Simulator
    Tc260Simulator site;

    private final TopicReader topics = new TopicReader(KafkaBrokerTestResource.bootstrapServers());

    @BeforeEach
    void baseline() {
        site.up().setState(200).clearRequests();
    }

    @Test
    void theBaselineGivesEveryPortalSourceAHealthyCompleteRun() {
        Map<String, ScrapeRun> runs = pollOnce();

        assertThat(runs).containsKeys(PORTAL_SOURCES.toArray(String[]::new));
        for (String source : PORTAL_SOURCES) {
            ScrapeRun run = runs.get(source);
            assertThat(run.health()).as(source + ": " + run.reason()).isEqualTo(Health.HEALTHY);
            assertThat(run.complete()).as(source).isTrue();
            assertThat(run.generation()).isEqualTo(SiteGeneration.PORTAL);
            assertThat(topics.runs(run.runId())).singleElement()
                    .satisfies(r -> assertThat(r.key()).isEqualTo(source));
        }

        Map<String, Snapshot> suggestions = snapshots(runs.get("portal.suggestion"));
        assertThat(suggestions).containsOnlyKeys("portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7",
                "portal.suggestion:9e8d7c6b5a4f40312e1d0c9b8a7f6e5d");
        assertThat(suggestions.get("portal.suggestion:9e8d7c6b5a4f40312e1d0c9b8a7f6e5d").dates().commentEnd())
                .isEqualTo(LocalDate.of(2026, 10, 25));

        Map<String, Snapshot> notices = snapshots(runs.get("portal.notices"));
        assertThat(notices).containsOnlyKeys("portal.notices:" + ANNOUNCEMENT,
                "portal.notices:160310cea5f6411d92fd99a52a42424f", "portal.notices:" + AIGC, "portal.notices:" + REAL,
                "portal.notices:20250315113048");
        Snapshot real = notices.get("portal.notices:" + REAL);
        assertThat(real.kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        assertThat(real.sourceUrl()).isEqualTo(site.baseUrl() + "/portal/article/2/" + REAL);
        assertThat(real.dates().published()).isEqualTo(LocalDate.of(2025, 5, 26));
        assertThat(real.generation()).isEqualTo(SiteGeneration.PORTAL);
        Snapshot announcement = notices.get("portal.notices:" + ANNOUNCEMENT);
        assertThat(announcement.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
        assertThat(announcement.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(notices.get("portal.notices:20250315113048").standardIds()).containsExactly("GB 45438-2025");
        assertThat(paths("/portal/cms/work/10/2")).containsExactly(
                "/portal/cms/work/10/2", "/portal/cms/work/10/2?page=2", "/portal/cms/work/10/2?page=3");

        // 新闻动态 is a single page and the site ignores ?page=2: the repeat ends the list, complete.
        Map<String, Snapshot> news = snapshots(runs.get("portal.news"));
        assertThat(news).hasSize(4);
        Snapshot fullText = news.get("portal.news:20250630122232");
        assertThat(fullText.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
        assertThat(fullText.standardIds()).containsExactly("GB/T 45654-2025");
        assertThat(fullText.dates().published()).isNull();
        assertThat(paths("/portal/cms/work/10/0")).containsExactly("/portal/cms/work/10/0", "/portal/cms/work/10/0?page=2");

        Map<String, Snapshot> publications = snapshots(runs.get("portal.publications"));
        assertThat(publications.values()).extracting(Snapshot::itemKey, Snapshot::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("portal.publications:9a8b7c6d5e4f40312233445566778899",
                        ItemKind.RESEARCH_REPORT),
                org.assertj.core.groups.Tuple.tuple("portal.publications:b694733a8d9946afb4ac6e1b075b660a",
                        ItemKind.TECHNICAL_DOCUMENT),
                org.assertj.core.groups.Tuple.tuple("portal.publications:4061772dcf684d8a96f395a4298e9e53",
                        ItemKind.PRACTICE_GUIDE),
                org.assertj.core.groups.Tuple.tuple("portal.publications:20240301164054",
                        ItemKind.TECHNICAL_DOCUMENT));
        assertThat(publications.get("portal.publications:4061772dcf684d8a96f395a4298e9e53").standardIds())
                .containsExactly("TC260-PG-20257A");

        Map<String, Snapshot> plan = snapshots(runs.get("portal.plan"));
        assertThat(plan).hasSize(4);
        assertThat(plan.get("portal.plan:20240896-T-469")).satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PLAN_ITEM);
            assertThat(item.stage()).isEqualTo(Stage.APPROVAL_DRAFT);
            assertThat(item.standardIds()).containsExactly("20240896-T-469");
        });

        Map<String, Snapshot> standards = snapshots(runs.get("portal.standards"));
        assertThat(standards).containsOnlyKeys("portal.standards:GB/T 45654-2025", "portal.standards:GB 45438-2025",
                "portal.standards:GB/T 47020-2026", "portal.standards:GB/T 35273-2020");
        assertThat(standards.get("portal.standards:GB/T 47020-2026")).satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ItemKind.PUBLISHED_STANDARD);
            assertThat(item.dates().published()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(item.dates().implementation()).isEqualTo(LocalDate.of(2026, 8, 1));
            assertThat(item.stage()).isEqualTo(Stage.PUBLISHED);
        });
        assertThat(runs.get("portal.standards").pagesFetched()).isEqualTo(3);
    }

    @Test
    void aNewNoticeShiftsAnItemToPage2WithoutLosingOrDoublingItAndPlanStagesMove() {
        Map<String, ScrapeRun> before = pollOnce();
        site.setState(201);
        Map<String, ScrapeRun> after = pollOnce();

        assertThat(after.get("portal.notices").health()).isEqualTo(Health.HEALTHY);
        List<ConsumerRecord<String, Snapshot>> records = topics.snapshots(after.get("portal.notices").runId());
        assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(6)
                .contains("portal.notices:5e0c2b7d9a4f4c1e8b6d3a2f1e0d9c8b");
        Map<String, Snapshot> noticesBefore = snapshots(before.get("portal.notices"));
        Map<String, Snapshot> noticesAfter = snapshots(after.get("portal.notices"));
        // Moved from page 1 to page 2: the same content.
        assertThat(noticesAfter.get("portal.notices:" + AIGC).contentHash())
                .isEqualTo(noticesBefore.get("portal.notices:" + AIGC).contentHash());

        Snapshot audit = snapshots(after.get("portal.plan")).get("portal.plan:20240896-T-469");
        assertThat(audit.stage()).isEqualTo(Stage.PUBLISHED);
        assertThat(audit.contentHash())
                .isNotEqualTo(snapshots(before.get("portal.plan")).get("portal.plan:20240896-T-469").contentHash());
        assertThat(snapshots(after.get("portal.plan")).get("portal.plan:20250864-T-469").stage())
                .isEqualTo(Stage.REVIEW_DRAFT);
    }

    @Test
    void aRedesignedListFailsItsSourceOnly() {
        site.setState(202);

        Map<String, ScrapeRun> runs = pollOnce();

        ScrapeRun notices = runs.get("portal.notices");
        assertThat(notices.health()).isEqualTo(Health.FAILED);
        assertThat(notices.reason()).contains("layout changed");
        assertThat(notices.items()).isZero();
        assertThat(topics.snapshots(notices.runId())).isEmpty();
        assertThat(topics.runs(notices.runId())).singleElement()
                .satisfies(r -> assertThat(r.value().health()).isEqualTo(Health.FAILED));
        for (String source : List.of("portal.news", "portal.plan", "portal.publications", "portal.standards",
                "portal.suggestion")) {
            assertThat(runs.get(source).health()).as(source).isEqualTo(Health.HEALTHY);
        }
    }

    @Test
    void cutPagesSkippedRowsAndLostPagesDegradeOrFailTheirRuns() {
        site.setState(203);

        Map<String, ScrapeRun> runs = pollOnce();

        ScrapeRun news = runs.get("portal.news");
        assertThat(news.health()).isEqualTo(Health.DEGRADED);
        assertThat(news.reason()).contains("truncated");
        assertThat(news.complete()).isFalse();
        // Only the rows before the cut.
        assertThat(snapshots(news)).containsOnlyKeys("portal.news:7d6c5b4a39281706f5e4d3c2b1a09f8e",
                "portal.news:" + ANNOUNCEMENT);

        ScrapeRun publications = runs.get("portal.publications");
        assertThat(publications.health()).isEqualTo(Health.DEGRADED);
        assertThat(publications.reason()).contains("b694733a8d9946afb4ac6e1b075b660a").contains("no date");
        assertThat(snapshots(publications)).hasSize(3).doesNotContainKey(
                "portal.publications:b694733a8d9946afb4ac6e1b075b660a");

        ScrapeRun plan = runs.get("portal.plan");
        assertThat(plan.health()).isEqualTo(Health.FAILED);
        assertThat(plan.reason()).startsWith("soft-404:").contains(".info-item");
        assertThat(topics.snapshots(plan.runId())).isEmpty();

        ScrapeRun standards = runs.get("portal.standards");
        assertThat(standards.health()).isEqualTo(Health.DEGRADED);
        assertThat(standards.reason()).contains("page 2 failed").contains("soft-404");
        assertThat(snapshots(standards)).hasSize(2);

        assertThat(runs.get("portal.notices").health()).isEqualTo(Health.HEALTHY);
    }

    private Map<String, Snapshot> snapshots(ScrapeRun run) {
        return topics.snapshots(run.runId()).stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(Snapshot::itemKey, Function.identity()));
    }

    private List<String> paths(String prefix) {
        return site.requests().stream().map(RecordedRequest::pathAndQuery).filter(p -> p.startsWith(prefix)).toList();
    }

    private static Map<String, ScrapeRun> pollOnce() {
        PollReport report = given().header("Authorization", "Bearer " + AdminTokenTestResource.TOKEN)
                .when().post("/admin/poll")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(PollReport.class);
        return report.runs().stream().collect(Collectors.toMap(ScrapeRun::source, Function.identity()));
    }
}
