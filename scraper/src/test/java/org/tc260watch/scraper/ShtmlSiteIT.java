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
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.scraper.admin.PollReport;
import org.tc260watch.scraper.sim.InjectTc260Simulator;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.sim.Tc260SimulatorTestResource;
import org.tc260watch.scraper.source.shtml.GuideListAdapter;
import org.tc260watch.scraper.source.shtml.HomepageAdapter;
import org.tc260watch.scraper.source.shtml.NewsListAdapter;
import org.tc260watch.scraper.source.shtml.NoticeListAdapter;
import org.tc260watch.scraper.source.shtml.ProjectOpinionAdapter;

/**
 * The .shtml sources against the simulated current site (states 300–306, see tc260-sim/README-shtml.md) and a real
 * broker: list pages and every listed item's detail page (the test profile reads everything on every poll). Only the
 * live generation's sources are polled, so the runs are the .shtml ones.
 *
 * <p>The scraper's memory of items lives as long as the application, which all tests share in an order JUnit
 * chooses; tests of failure states therefore poll the baseline first, so "what was last known" is the same in each.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(value = Tc260SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = Tc260SimulatorTestResource.FIXTURE_ROOT, value = Tc260Simulator.DEFAULT_FIXTURE_ROOT),
        @ResourceArg(name = Tc260SimulatorTestResource.INITIAL_STATE, value = "300")})
@WithTestResource(AdminTokenTestResource.class)
class ShtmlSiteIT {

    private static final String HOME = HomepageAdapter.SOURCE;
    private static final String TZGG = NoticeListAdapter.SOURCE;
    private static final String XWDT = NewsListAdapter.SOURCE;
    private static final String SJZN = GuideListAdapter.SOURCE;
    private static final String OPINION = ProjectOpinionAdapter.SOURCE;
    private static final List<String> SHTML_SOURCES = List.of(HOME, OPINION, SJZN, TZGG, XWDT);
    /** What each .shtml list means; every snapshot published for it says so. */
    private static final Map<String, Listing> LISTINGS = Map.of(HOME, Listing.RECENT, OPINION,
            Listing.OPEN_FOR_COMMENT, SJZN, Listing.CATALOGUE, TZGG, Listing.ARCHIVE, XWDT, Listing.ARCHIVE);

    private static final String DRAFT_GUIDE = "e5b82ae7aca244d19d36b39575cbb458";
    private static final String NEW_NOTICE = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
    private static final String P1 = "b1c2d3e4f5a6478899aabbccddeeff00";
    private static final String P2 = "c2d3e4f5a6b7489900aabbccddeeff11";
    /** A batch announcement of 3 national standards: one item per standard. */
    private static final String GB_BATCH = "7c1d2e3f4a5b4c6d8e9f0a1b2c3d4e5f";
    /** A batch release of 6 practice guides: one item per guide. */
    private static final String PG_BATCH = "49b6d19ee5374bc4962e1ac427a5b390";

    @InjectTc260Simulator
    Tc260Simulator site;

    private final TopicReader topics = new TopicReader(KafkaBrokerTestResource.bootstrapServers());

    @BeforeEach
    void baseline() {
        site.up().setState(300).clearRequests();
    }

    @Test
    void everyShtmlSourceReadsTheCurrentSiteHealthyAndComplete() {
        Map<String, ScrapeRun> runs = pollOnce();

        assertThat(runs).containsOnlyKeys(SHTML_SOURCES);
        assertThat(runs.values()).allSatisfy(run -> {
            assertThat(run.health()).as(run.source() + ": " + run.reason()).isEqualTo(Health.HEALTHY);
            assertThat(run.complete()).as(run.source()).isTrue();
            assertThat(run.generation()).isEqualTo(SiteGeneration.SHTML);
            assertThat(topics.runs(run.runId())).singleElement()
                    .satisfies(record -> assertThat(record.key()).isEqualTo(run.source()));
            assertThat(snapshots(run).values()).as(run.source()).extracting(Snapshot::listing)
                    .containsOnly(LISTINGS.get(run.source()));
        });
        // Items are listed items completed by their detail pages; the two batch notices count once per standard.
        assertThat(runs).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().items())
                .containsExactlyInAnyOrder(HOME + "=9", OPINION + "=3", SJZN + "=3", TZGG + "=12", XWDT + "=3");
        // Each list page once, then one detail page per listed item (2 + 5 articles; 1 + 3 projects).
        assertThat(runs.get(TZGG).pagesFetched()).isEqualTo(7);
        assertThat(runs.get(OPINION).pagesFetched()).isEqualTo(4);
        assertThat(runs.get(HOME).pagesFetched()).isEqualTo(8);

        Map<String, Snapshot> tzgg = snapshots(runs.get(TZGG));
        assertThat(tzgg).containsOnlyKeys(
                TZGG + ":4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d",
                TZGG + ":" + GB_BATCH + "#GB/T 46501-2026", TZGG + ":" + GB_BATCH + "#GB/T 46502-2026",
                TZGG + ":" + GB_BATCH + "#GB/T 46503-2026",
                TZGG + ":" + DRAFT_GUIDE, TZGG + ":9e8d7c6b5a4940318f2e1d0c9b8a7f6e",
                TZGG + ":" + PG_BATCH + "#TC260-PG-20257A", TZGG + ":" + PG_BATCH + "#TC260-PG-20258A",
                TZGG + ":" + PG_BATCH + "#TC260-PG-20259A", TZGG + ":" + PG_BATCH + "#TC260-PG-202510A",
                TZGG + ":" + PG_BATCH + "#TC260-PG-202511A", TZGG + ":" + PG_BATCH + "#TC260-PG-202512A");
        Snapshot draft = tzgg.get(TZGG + ":" + DRAFT_GUIDE);
        assertThat(draft.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(draft.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(draft.generation()).isEqualTo(SiteGeneration.SHTML);
        assertThat(draft.dates().published()).isEqualTo(LocalDate.of(2026, 9, 2));
        assertThat(draft.sourceUrl()).isEqualTo(site.baseUrl() + "/tc260/tzgg/202609/" + DRAFT_GUIDE + ".shtml");
        // What only the detail page says: the secretariat number, the deadline, the files.
        assertThat(draft.documentNumber()).isEqualTo("网安秘字〔2026〕119号");
        assertThat(draft.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(draft.attachments()).hasSize(3);
        assertThat(tzgg.get(TZGG + ":" + PG_BATCH + "#TC260-PG-20257A").kind()).isEqualTo(ItemKind.PRACTICE_GUIDE);
        Snapshot gb = tzgg.get(TZGG + ":" + GB_BATCH + "#GB/T 46502-2026");
        assertThat(gb.kind()).isEqualTo(ItemKind.PUBLICATION_ANNOUNCEMENT);
        assertThat(gb.standardIds()).containsExactly("GB/T 46502-2026");
        assertThat(gb.bookTitles()).containsExactly("网络安全技术 开源软件供应链安全要求");
        assertThat(gb.dates().implementation()).isEqualTo(LocalDate.of(2027, 4, 1));

        Map<String, Snapshot> home = snapshots(runs.get(HOME));
        assertThat(home.get(HOME + ":4a537d5c0b1e4f2a9c3d5e6f7a8b9c0d").dates().published())
                .isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(home).containsKey(HOME + ":" + GB_BATCH + "#GB/T 46501-2026");
        assertThat(snapshots(runs.get(XWDT))).containsKey(XWDT + ":c8ba62856cb44db5bf7cf6e12ac1af75");
        assertThat(snapshots(runs.get(SJZN)).values()).extracting(Snapshot::kind).containsOnly(ItemKind.PRACTICE_GUIDE);
        assertThat(snapshots(runs.get(SJZN)).get(SJZN + ":5d4c3b2a19084f7e6d5c4b3a29180f7e").standardIds())
                .containsExactly("TC260-PG-20266A");

        Snapshot opinion = snapshots(runs.get(OPINION)).get(OPINION + ":" + P1);
        assertThat(opinion.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(opinion.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(opinion.standardIds()).containsExactly("20262852-T-469");
        assertThat(opinion.dates().commentStart()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(opinion.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(opinion.sourceUrl())
                .isEqualTo(site.baseUrl() + "/tc260/bzzqyj/bzkdetail.shtml?id=" + P1 + "&type=gjbzjh");
        // The bzkdetail page adds its files.
        assertThat(opinion.attachments()).hasSize(2);
        assertThat(snapshots(runs.get(OPINION)).get(OPINION + ":10234").standardIds())
                .contains("20251234-T-469", "GB/T 20984-2022");

        // The pager and the JSON total end the lists: the homepage past the end is never asked for.
        assertThat(site.requests("/tc260/tzgg/list_3.shtml")).isEmpty();
        assertThat(site.requests("/tc260-webapp/api/projectOpinion/list?pageNum=2&pageSize=50")).isEmpty();
    }

    @Test
    void aNewNoticeThatPushesAnItemToPageTwoAndAMovedDeadlineShowInTheSnapshots() {
        Map<String, ScrapeRun> before = pollOnce();
        site.setState(301);
        Map<String, ScrapeRun> after = pollOnce();

        assertThat(after.get(TZGG).health()).isEqualTo(Health.HEALTHY);
        Map<String, Snapshot> tzggBefore = snapshots(before.get(TZGG));
        Map<String, Snapshot> tzggAfter = snapshots(after.get(TZGG));
        assertThat(tzggAfter.keySet()).containsAll(tzggBefore.keySet()).contains(TZGG + ":" + NEW_NOTICE)
                .hasSize(tzggBefore.size() + 1);
        assertThat(tzggAfter.get(TZGG + ":" + NEW_NOTICE).kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        // Moving to page 2 changes nothing about the item.
        assertThat(tzggAfter.get(TZGG + ":" + DRAFT_GUIDE).contentHash())
                .isEqualTo(tzggBefore.get(TZGG + ":" + DRAFT_GUIDE).contentHash());

        Snapshot movedBefore = snapshots(before.get(OPINION)).get(OPINION + ":" + P1);
        Snapshot movedAfter = snapshots(after.get(OPINION)).get(OPINION + ":" + P1);
        assertThat(movedAfter.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(movedAfter.contentHash()).isNotEqualTo(movedBefore.contentHash());
    }

    @Test
    void aRedesignOfAListThatUsedToParseIsADegradedRunVouchingForTheLastKnownItems() {
        Map<String, ScrapeRun> before = pollOnce();
        site.setState(302);

        Map<String, ScrapeRun> runs = pollOnce();

        // A list that used to parse and no longer does: said loudly, but its items are not declared gone
        // (a never-parsed list would be FAILED; the shared application has always read 通知公告 by now).
        ScrapeRun tzgg = runs.get(TZGG);
        assertThat(tzgg.health()).isEqualTo(Health.DEGRADED);
        assertThat(tzgg.reason()).startsWith("layout changed");
        assertThat(tzgg.complete()).isFalse();
        assertThat(hashes(snapshots(tzgg))).isEqualTo(hashes(snapshots(before.get(TZGG))));
        assertThat(runs.get(XWDT).health()).isEqualTo(Health.HEALTHY);
        assertThat(runs.get(HOME).health()).isEqualTo(Health.HEALTHY);
    }

    @Test
    void theApiAnsweringWithTheHomepageIsASoft404() {
        site.setState(303);

        ScrapeRun opinion = pollOnce().get(OPINION);

        assertThat(opinion.health()).isEqualTo(Health.FAILED);
        assertThat(opinion.reason()).isEqualTo("soft-404: the API answered with the site's homepage (ul.inList), not JSON");
        assertThat(topics.snapshots(opinion.runId())).isEmpty();
    }

    @Test
    void brokenPagesDegradeTheirRunsAndNoItemLooksGone() {
        Map<String, ScrapeRun> before = pollOnce();
        site.setState(304);

        Map<String, ScrapeRun> runs = pollOnce();

        // Truncated page 1: its 2 items are read (with their detail pages), the unread rest is the last-known set.
        ScrapeRun tzgg = runs.get(TZGG);
        assertThat(tzgg.health()).isEqualTo(Health.DEGRADED);
        assertThat(tzgg.reason()).contains("truncated");
        assertThat(tzgg.complete()).isFalse();
        assertThat(tzgg.pagesFetched()).isEqualTo(1 + 2);
        assertThat(hashes(snapshots(tzgg))).isEqualTo(hashes(snapshots(before.get(TZGG))));

        // Items missing a date, a title or an id are skipped and said; no partial item is ever published.
        ScrapeRun sjzn = runs.get(SJZN);
        assertThat(sjzn.health()).isEqualTo(Health.DEGRADED);
        assertThat(sjzn.complete()).isFalse();
        assertThat(sjzn.errors()).hasSize(3);
        Map<String, Snapshot> sjznNow = snapshots(sjzn);
        assertThat(sjznNow).containsKey(SJZN + ":5d4c3b2a19084f7e6d5c4b3a29180f7e");
        assertThat(hashes(snapshots(before.get(SJZN)))).containsAllEntriesOf(hashes(sjznNow));

        ScrapeRun xwdt = runs.get(XWDT);
        assertThat(xwdt.health()).isEqualTo(Health.DEGRADED);
        assertThat(xwdt.reason()).startsWith("page 2 failed: soft-404: the site answered with its homepage");
        assertThat(xwdt.complete()).isFalse();
        // Page 2's item was not read; it is republished as last known, so it does not look gone.
        assertThat(hashes(snapshots(xwdt))).isEqualTo(hashes(snapshots(before.get(XWDT))));

        // JSON that does not parse, from an API that used to answer: DEGRADED, the last-known projects vouched for.
        ScrapeRun opinion = runs.get(OPINION);
        assertThat(opinion.health()).isEqualTo(Health.DEGRADED);
        assertThat(opinion.reason()).contains("malformed JSON");
        assertThat(opinion.complete()).isFalse();
        assertThat(hashes(snapshots(opinion))).isEqualTo(hashes(snapshots(before.get(OPINION))));
    }

    @Test
    void aProjectPageRenderedByScriptDegradesTheRunAndKeepsTheLastGoodDetail() {
        Map<String, ScrapeRun> before = pollOnce();
        site.setState(306);

        ScrapeRun opinion = pollOnce().get(OPINION);

        assertThat(opinion.health()).isEqualTo(Health.DEGRADED);
        assertThat(opinion.complete()).isFalse();
        assertThat(opinion.reason()).isEqualTo("detail page of " + OPINION + ":" + P2 + " failed: the page does not "
                + "show project " + OPINION + ":" + P2 + " (neither its title nor a plan number; rendered by script?)");
        assertThat(opinion.errors()).singleElement().satisfies(error -> assertThat(error.url())
                .isEqualTo(site.baseUrl() + "/tc260/bzzqyj/bzkdetail.shtml?id=" + P2 + "&type=gjbzjh"));
        // The list entry did not change: what the last good detail page gave is kept, not the bare listing.
        Map<String, Snapshot> now = snapshots(opinion);
        assertThat(now).hasSize(3);
        assertThat(hashes(now)).isEqualTo(hashes(snapshots(before.get(OPINION))));
    }

    @Test
    void gb18030AndMetaOnlyCharsetPagesReadAsTheUtf8Ones() {
        Map<String, ScrapeRun> utf8 = pollOnce();
        site.setState(305);
        Map<String, ScrapeRun> encoded = pollOnce();

        for (String source : List.of(XWDT, SJZN)) {
            assertThat(encoded.get(source).health()).isEqualTo(Health.HEALTHY);
            Map<String, Snapshot> before = snapshots(utf8.get(source));
            Map<String, Snapshot> after = snapshots(encoded.get(source));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            after.forEach((key, snapshot) -> assertThat(snapshot.contentHash())
                    .as(key + " " + snapshot.title()).isEqualTo(before.get(key).contentHash()));
        }
        assertThat(snapshots(encoded.get(XWDT)).get(XWDT + ":d513a007d04347f58e483fabaefb34b8").title())
                .isEqualTo("《人工智能安全治理框架》3.0版发布");
    }

    /** Found by the fault-injection suite: a page cut anywhere must not change an item, then or after it heals. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.51, 0.7, 0.9})
    void bodiesTruncatedAnywhereChangeNoItemThenOrAfterwards(double keep) {
        Map<String, ScrapeRun> before = pollOnce();
        Map<String, ScrapeRun> truncated;
        try {
            site.truncateBodies(keep);
            truncated = pollOnce();
        } finally {
            site.clearFaults();
        }
        Map<String, ScrapeRun> healed = pollOnce();

        for (String source : SHTML_SOURCES) {
            Map<String, String> good = hashes(snapshots(before.get(source)));
            assertThat(truncated.get(source).health()).as(source).isNotEqualTo(Health.HEALTHY);
            assertThat(good).as(source + " while truncated to " + keep).containsAllEntriesOf(
                    hashes(snapshots(truncated.get(source))));
            assertThat(healed.get(source).health()).as(source).isEqualTo(Health.HEALTHY);
            assertThat(hashes(snapshots(healed.get(source)))).as(source + " after").isEqualTo(good);
        }
    }

    /** Item key → content hash: the same map means the same items with the same content. */
    private static Map<String, String> hashes(Map<String, Snapshot> snapshots) {
        return snapshots.values().stream().collect(Collectors.toMap(Snapshot::itemKey, Snapshot::contentHash));
    }

    /** One poll; the runs of the .shtml sources by source. */
    private static Map<String, ScrapeRun> pollOnce() {
        PollReport report = given().header("Authorization", "Bearer " + AdminTokenTestResource.TOKEN)
                .when().post("/admin/poll")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(PollReport.class);
        return report.runs().stream().filter(run -> SHTML_SOURCES.contains(run.source()))
                .collect(Collectors.toMap(ScrapeRun::source, Function.identity()));
    }

    private Map<String, Snapshot> snapshots(ScrapeRun run) {
        return topics.snapshots(run.runId()).stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(Snapshot::itemKey, Function.identity()));
    }
}
