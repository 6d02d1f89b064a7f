package org.tc260watch.scraper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
import org.tc260watch.events.Listing;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.events.Topics;
import org.tc260watch.scraper.admin.PollReport;
import org.tc260watch.scraper.poll.Poller;
import org.tc260watch.scraper.sim.InjectTc260Simulator;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.sim.Tc260SimulatorTestResource;
import org.tc260watch.scraper.source.portal.SuggestionListAdapter;

/** The scraper as deployed: simulated site, real Kafka broker, polls started through the admin endpoint. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(value = Tc260SimulatorTestResource.class,
        initArgs = @ResourceArg(name = Tc260SimulatorTestResource.FIXTURE_ROOT,
                value = Tc260Simulator.DEFAULT_FIXTURE_ROOT))
@WithTestResource(AdminTokenTestResource.class)
class ScraperIT {

    private static final String A = "3bb57023c00a464faf4c2f7b9a5524c7";
    private static final String B = "5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c";
    private static final String C = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String D = "d4e5f6a7b8c94d0e8f1a2b3c4d5e6f70";

    @InjectTc260Simulator
    Tc260Simulator site;

    private final TopicReader topics = new TopicReader(KafkaBrokerTestResource.bootstrapServers());

    @BeforeEach
    void baseline() {
        site.up().setState(1).clearRequests();
    }

    @Test
    void publishesOneSnapshotPerDraftThenAHealthyRun() {
        ScrapeRun answered = pollOnce();

        assertThat(answered.health()).isEqualTo(Health.HEALTHY);
        assertThat(answered.complete()).isTrue();
        assertThat(answered.items()).isEqualTo(3);
        assertThat(answered.source()).isEqualTo(SuggestionListAdapter.SOURCE);

        List<ConsumerRecord<String, ScrapeRun>> runs = topics.runs(answered.runId());
        assertThat(runs).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("portal.suggestion");
            assertThat(record.value()).isEqualTo(answered);
        });
        List<ConsumerRecord<String, Snapshot>> snapshots = topics.snapshots(answered.runId());
        assertThat(snapshots).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                "portal.suggestion:" + A, "portal.suggestion:" + B, "portal.suggestion:" + C);
        assertThat(snapshots).allSatisfy(record -> {
            assertThat(record.value().itemKey()).isEqualTo(record.key());
            // Drafts open for comment: the differ may read one that leaves as closed or withdrawn.
            assertThat(record.value().listing()).isEqualTo(Listing.OPEN_FOR_COMMENT);
            // The run is written only once Kafka acknowledged every snapshot.
            assertThat(record.timestamp()).isLessThanOrEqualTo(runs.get(0).timestamp());
        });
        Snapshot a = byItem(snapshots).get("portal.suggestion:" + A);
        assertThat(a.source()).isEqualTo("portal.suggestion");
        assertThat(a.generation()).isEqualTo(SiteGeneration.PORTAL);
        assertThat(a.kind()).isEqualTo(ItemKind.COMMENT_DRAFT_NOTICE);
        assertThat(a.sourceUrl()).isEqualTo(site.baseUrl() + "/portal/suggestion-detail/" + A);
        assertThat(a.title()).isEqualTo("关于国家标准《数据安全技术 个人信息保护合规审计专业机构能力要求》征求意见稿征求意见的通知");
        assertThat(a.bookTitles()).containsExactly("数据安全技术 个人信息保护合规审计专业机构能力要求");
        assertThat(a.stage()).isEqualTo(Stage.COMMENT_DRAFT);
        assertThat(a.dates().published()).isEqualTo(LocalDate.of(2026, 2, 11));
        assertThat(a.dates().commentStart()).isEqualTo(LocalDate.of(2026, 2, 11));
        assertThat(a.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 4, 12));
        assertThat(a.contentHash()).matches("[0-9a-f]{64}");
        assertThat(a.observedAt()).isBetween(answered.startedAt(), answered.finishedAt());

        assertThat(site.requests()).extracting(r -> r.pathAndQuery())
                .filteredOn(p -> p.startsWith(SuggestionListAdapter.LIST_PATH + "?") || p.equals(SuggestionListAdapter.LIST_PATH))
                .containsExactly("/portal/suggestion", "/portal/suggestion?page=2", "/portal/suggestion?page=3");
        assertThat(site.requests()).allSatisfy(r -> assertThat(r.header("User-Agent")).startsWith("tc260-watch/"));
        // robots.txt is read at most once per day: by this poll, or an earlier one of this process.
        assertThat(site.requests("/robots.txt")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aNewDraftAndAMovedDeadlineShowInTheSnapshots() {
        site.setState(2);
        Map<String, Snapshot> before = byItem(topics.snapshots(pollOnce().runId()));
        site.setState(3);
        Map<String, Snapshot> after = byItem(topics.snapshots(pollOnce().runId()));

        assertThat(before).containsOnlyKeys(
                "portal.suggestion:" + D, "portal.suggestion:" + A, "portal.suggestion:" + B, "portal.suggestion:" + C);
        assertThat(after).containsOnlyKeys(before.keySet());
        Snapshot movedBefore = before.get("portal.suggestion:" + A);
        Snapshot movedAfter = after.get("portal.suggestion:" + A);
        assertThat(movedAfter.dates().commentEnd()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(movedAfter.contentHash()).isNotEqualTo(movedBefore.contentHash());
        for (String unchanged : List.of(B, C, D)) {
            assertThat(after.get("portal.suggestion:" + unchanged).contentHash())
                    .isEqualTo(before.get("portal.suggestion:" + unchanged).contentHash());
        }
    }

    @Test
    void aSoft404IsAFailedRunWithoutSnapshots() {
        site.setState(4);

        ScrapeRun answered = pollOnce();

        assertThat(answered.health()).isEqualTo(Health.FAILED);
        // Blind (no other generation's page type answers either) or a generation change: the cause is named.
        assertThat(answered.reason()).contains("soft-404:");
        assertThat(answered.items()).isZero();
        assertThat(topics.runs(answered.runId())).singleElement()
                .satisfies(record -> assertThat(record.value().health()).isEqualTo(Health.FAILED));
        assertThat(topics.snapshots(answered.runId())).isEmpty();
    }

    @Test
    void anUnreachableSiteIsAFailedRun() {
        portalIsLive();
        site.down();

        ScrapeRun answered = pollOnce();

        assertThat(answered.health()).isEqualTo(Health.FAILED);
        assertThat(answered.reason()).contains("connection refused");
        assertThat(topics.runs(answered.runId())).hasSize(1);
        assertThat(topics.snapshots(answered.runId())).isEmpty();
    }

    @Test
    void aServerErrorIsAFailedRun() {
        portalIsLive();
        site.status(503);

        ScrapeRun answered = pollOnce();

        assertThat(answered.health()).isEqualTo(Health.FAILED);
        assertThat(answered.reason()).contains("HTTP 503");
        assertThat(topics.snapshots(answered.runId())).isEmpty();
    }

    @Test
    void aBlindScraperSaysSoInItsReadinessDataAndRecovers() {
        site.setState(412); // a redesign nobody knows: every path answers a new homepage

        ScrapeRun blind = pollOnce();

        assertThat(blind.health()).isEqualTo(Health.FAILED);
        assertThat(blind.reason()).startsWith(Poller.BLIND);
        // Blind is not dead: liveness stays UP (a restart cannot make it see), and readiness waits
        // tc260.health.stale-after before it fails, but its data say so at once.
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'tc260-site' }.data.site", equalTo("blind"))
                .body("checks.find { it.name == 'tc260-site' }.data.'portal.suggestion.health'", equalTo("FAILED"))
                .body("checks.find { it.name == 'tc260-site' }.data.'portal.suggestion.reason'",
                        containsString(Poller.BLIND));

        site.setState(1);
        ScrapeRun seeing = pollOnce();
        assertThat(seeing.health()).isIn(Health.HEALTHY, Health.DEGRADED);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'tc260-site' }.data.site", equalTo("watching"))
                .body("checks.find { it.name == 'tc260-site' }.data.generation", containsString("PORTAL"));
    }

    @Test
    void pollingNeedsTheAdminToken() {
        given().when().post("/admin/poll")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong").when().post("/admin/poll")
                .then().statusCode(403).body("error", equalTo("forbidden"));
        given().header("Authorization", "Basic " + AdminTokenTestResource.TOKEN).when().post("/admin/poll")
                .then().statusCode(401);
        // Near misses (one character more or less) and the token anywhere but the Authorization header.
        String token = AdminTokenTestResource.TOKEN;
        given().header("Authorization", "Bearer " + token + "x").when().post("/admin/poll").then().statusCode(403);
        given().header("Authorization", "Bearer " + token.substring(1)).when().post("/admin/poll").then()
                .statusCode(403);
        for (String name : List.of("token", "access_token", "admin_token")) {
            given().queryParam(name, token).when().post("/admin/poll").then().statusCode(401);
        }
        given().cookie("token", token).when().post("/admin/poll").then().statusCode(401);
        // A GET (a link someone is tricked into opening) never polls.
        given().header("Authorization", "Bearer " + token).when().get("/admin/poll").then().statusCode(405);

        assertThat(site.requests()).isEmpty();
    }

    /**
     * An unreachable site keeps the generation that was live, and an earlier test may have moved the site to another
     * one: a healthy poll of state 1 makes the portal generation live again.
     */
    private void portalIsLive() {
        site.setState(1);
        // DEGRADED when this poll switches generations (a new generation's first poll is not trusted fully).
        assertThat(pollOnce().health()).isIn(Health.HEALTHY, Health.DEGRADED);
    }

    /** Polls through the admin endpoint; the run of the suggestion list. */
    static ScrapeRun pollOnce() {
        PollReport report = given().header("Authorization", "Bearer " + AdminTokenTestResource.TOKEN)
                .when().post("/admin/poll")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().as(PollReport.class);
        // Other page types' runs may be in the report too; these tests are about the suggestion list.
        return report.runs().stream().filter(r -> r.source().equals(SuggestionListAdapter.SOURCE)).findFirst()
                .orElseThrow(() -> new AssertionError("no run of " + SuggestionListAdapter.SOURCE + " in " + report));
    }

    private static Map<String, Snapshot> byItem(List<ConsumerRecord<String, Snapshot>> records) {
        return records.stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(Snapshot::itemKey, Function.identity()));
    }
}
