package org.tc260watch.scraper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.deploy.testing.PrometheusText;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.scraper.sim.InjectTc260Simulator;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.sim.Tc260SimulatorTestResource;
import org.tc260watch.scraper.source.portal.SuggestionListAdapter;

/**
 * Health and metrics as an orchestrator and Prometheus see them: simulated site, real broker, and a stale-after window
 * of {@value #WINDOW_SECONDS} seconds so that staleness can be waited for.
 */
@QuarkusTest
@TestProfile(ObservabilityIT.ShortWindow.class)
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(Tc260SimulatorTestResource.class)
@WithTestResource(AdminTokenTestResource.class)
class ObservabilityIT {

    /** Long enough for a poll, a look at readiness and another poll on a busy machine. */
    static final int WINDOW_SECONDS = 8;
    private static final String CHECK = "checks.find { it.name == 'tc260-site' }.";
    private static final String SUGGESTION = "'" + SuggestionListAdapter.SOURCE + ".";
    private static final Map<String, String> SUGGESTION_LIST =
            Map.of("source", SuggestionListAdapter.SOURCE, "page", "list");

    @InjectTc260Simulator
    Tc260Simulator site;

    @Test
    void readinessFollowsTheFreshnessOfTheRunsAndShowsEachSource() {
        site.up().setState(1);
        poll();
        ready(200).body(CHECK + "status", equalTo("UP"))
                .body(CHECK + "data.status", equalTo("fresh"))
                .body(CHECK + "data.site", equalTo("watching"))
                .body(CHECK + "data." + SUGGESTION + "health'", equalTo("HEALTHY"))
                .body(CHECK + "data." + SUGGESTION + "items'", equalTo(3));

        // One failed poll is told at once in the data, but does not take the scraper out of service.
        site.down();
        poll();
        ready(200).body(CHECK + "data.site", equalTo("failing"))
                .body(CHECK + "data." + SUGGESTION + "health'", equalTo("FAILED"))
                .body(CHECK + "data." + SUGGESTION + "reason'", containsString("refused"));

        // Still failing a window after the last good read: not ready, and the details say why.
        await().atMost(Duration.ofSeconds(WINDOW_SECONDS * 5)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    poll();
                    ready(503).body(CHECK + "status", equalTo("DOWN"))
                            .body(CHECK + "data.status", equalTo("failing"))
                            .body(CHECK + "data." + SUGGESTION + "health'", equalTo("FAILED"));
                });
        // Restarting cannot make the site answer: liveness stays UP.
        given().when().get("/q/health/live").then().statusCode(200);

        site.up();
        poll();
        ready(200).body(CHECK + "data.status", equalTo("fresh"));

        // No poll for a window: stale.
        await().atMost(Duration.ofSeconds(WINDOW_SECONDS * 5)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> ready(503).body(CHECK + "data.status", equalTo("stale"))
                        .body(CHECK + "data.reason", containsString("last poll delivered at")));
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'tc260-scheduler' }.data.scheduler", equalTo("running"));
    }

    @Test
    void metricsCountWhatThePollsDid() {
        site.up().setState(1);
        PrometheusText before = metrics();
        Instant start = Instant.now();

        ScrapeRun first = poll();
        ScrapeRun second = poll(); // the site did not change: conditional requests answer 304
        site.setState(5); // page 2 is a soft 404
        poll();
        PrometheusText after = metrics();

        assertThat(first.health()).isEqualTo(Health.HEALTHY);
        assertThat(delta(before, after, "tc260_pages_fetched_total", with(SUGGESTION_LIST, "status", "ok")))
                .isPositive();
        Map<String, String> source = Map.of("source", SuggestionListAdapter.SOURCE);
        assertThat(delta(before, after, "tc260_pages_fetched_total", with(source, "status", "not_modified")))
                .isGreaterThanOrEqualTo(second.notModified()).isPositive();
        assertThat(delta(before, after, "tc260_pages_fetched_total", with(SUGGESTION_LIST, "status", "not_modified")))
                .isPositive();
        assertThat(delta(before, after, "tc260_fetched_bytes_total", source))
                .isGreaterThanOrEqualTo(first.bytes() + second.bytes()).isPositive();
        assertThat(delta(before, after, "tc260_parse_failures_total", with(SUGGESTION_LIST, "outcome", "soft_404")))
                .isEqualTo(1);
        assertThat(delta(before, after, "tc260_snapshots_published_total", source))
                .isGreaterThanOrEqualTo(first.items() + second.items());
        assertThat(delta(before, after, "tc260_scrape_runs_published_total", with(source, "health", "HEALTHY")))
                .isEqualTo(2);
        assertThat(delta(before, after, "tc260_poll_duration_seconds_count", source)).isEqualTo(3);
        assertThat(after.sum("tc260_last_successful_poll_seconds", source))
                .isGreaterThanOrEqualTo(start.getEpochSecond());
        // The Kafka producers' own metrics are bound too.
        assertThat(after.samples("kafka_producer_record_send_total")).isNotEmpty();
        // No URL or item key ever becomes a label.
        assertThat(List.of("tc260_pages_fetched_total", "tc260_parse_failures_total", "tc260_snapshots_published_total"))
                .allSatisfy(name -> assertThat(after.samples(name)).allSatisfy(s -> assertThat(s.labels().values())
                        .noneMatch(v -> v.contains("/") || v.contains(":"))));
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(key, value);
        return all;
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static PrometheusText metrics() {
        return new PrometheusText(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static ValidatableResponse ready(int status) {
        return given().when().get("/q/health/ready").then().log().ifValidationFails().statusCode(status);
    }

    private static ScrapeRun poll() {
        return ScraperIT.pollOnce();
    }

    /** Readiness goes stale after a few seconds instead of 3 poll intervals. */
    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tc260.health.stale-after", WINDOW_SECONDS + "s");
        }
    }
}
