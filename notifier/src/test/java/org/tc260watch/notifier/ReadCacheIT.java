package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.readmodel.ChangeRecorder;
import org.tc260watch.notifier.readmodel.ReadModelVersion;
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.Metrics;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;

/**
 * The rendered responses of {@code /api/changes} and the change feeds are kept while the stored changes stay the same:
 * a repeated request or a 304 renders nothing, and a change stored by this instance, by another one (a row written to
 * the shared database behind this instance's back) or committed late below a higher number shows up.
 */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class ReadCacheIT extends ChangeTopicBase {

    /** The poll interval (500 ms) and some slack for a loaded machine. */
    private static final Duration OTHER_INSTANCE_DELAY = Duration.ofSeconds(5);

    /** Injected into the outer class: Quarkus does not inject into @Nested instances. */
    @Inject
    ReadModelVersion version;

    @Inject
    TopicTagger tagger;

    @Nested
    class ARepeatedRequest {

        @Test
        void rendersNothingWhetherAnswered304Or200() {
            String tag = unique();
            producer.send(SampleChanges.added(SampleChanges.id("c1" + tag), "TC260-PG-" + tag + "C", "数据安全" + tag));
            await().atMost(PATIENCE).until(() -> ids(tag).size() == 1);
            for (String path : List.of("/api/changes?q=" + tag, "/feeds/changes.atom?q=" + tag,
                    "/feeds/changes.json?q=" + tag)) {
                String endpoint = path.substring(path.lastIndexOf('/') + 1, path.indexOf('?'));
                // Changes of other tests may still arrive and change the version: then the round is repeated.
                await().atMost(PATIENCE).untilAsserted(() -> {
                    ReadModelVersion.Version before = version.current();
                    String etag = given().get(path).then().statusCode(200).extract().header("ETag");
                    double rendered = rendered(endpoint);
                    for (int i = 0; i < 5; i++) {
                        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
                        given().get(path).then().statusCode(200).header("ETag", etag);
                    }
                    assertThat(version.current()).isEqualTo(before);
                    assertThat(rendered(endpoint)).isEqualTo(rendered);
                });
            }
        }
    }

    @Nested
    class AKeptResponse {

        @Test
        void givesWayToAChangeStoredByThisInstance() {
            String tag = unique();
            ChangeEvent first = SampleChanges.added(SampleChanges.id("h1" + tag), "TC260-PG-" + tag + "H", "数据安全" + tag);
            producer.send(first);
            await().atMost(PATIENCE).until(() -> ids(tag).size() == 1);
            assertThat(ids(tag)).containsExactly(first.id()); // now kept
            ChangeEvent second = SampleChanges.deadlineMoved(SampleChanges.id("h2" + tag), "TC260-PG-" + tag + "H",
                    "数据安全" + tag);
            producer.send(second);
            await().atMost(PATIENCE).until(() -> ids(tag).size() == 2);
            assertThat(ids(tag)).containsExactly(second.id(), first.id());
        }

        @Test
        void givesWayToAChangeAnotherInstanceStoredWithinThePollInterval() {
            String tag = unique();
            ChangeEvent first = SampleChanges.added(SampleChanges.id("o1" + tag), "TC260-PG-" + tag + "O", "数据安全" + tag);
            storeAsAnotherInstance(first);
            await().atMost(OTHER_INSTANCE_DELAY).until(() -> ids(tag).size() == 1);
            String etag = given().queryParam("q", tag).get("/api/changes").then().extract().header("ETag");
            String atom = given().queryParam("q", tag).get("/feeds/changes.atom").then().extract().header("ETag");

            ChangeEvent second = SampleChanges.deadlineMoved(SampleChanges.id("o2" + tag), "TC260-PG-" + tag + "O",
                    "数据安全" + tag);
            storeAsAnotherInstance(second);
            // Each endpoint on its own: one rendered after the commit but before the version poll already shows the
            // change (kept under the old version), another shows it once the poll has moved the version.
            await().atMost(OTHER_INSTANCE_DELAY).until(() -> ids(tag).size() == 2);
            await().atMost(OTHER_INSTANCE_DELAY).untilAsserted(() -> given().queryParam("q", tag)
                    .header("If-None-Match", etag).get("/api/changes").then().statusCode(200));
            await().atMost(OTHER_INSTANCE_DELAY).untilAsserted(() -> given().queryParam("q", tag)
                    .header("If-None-Match", atom).get("/feeds/changes.atom").then().statusCode(200));
        }

        @Test
        void givesWayToANumberCommittedLateBelowAHigherOne() throws Exception {
            String tag = unique();
            ChangeEvent slow = SampleChanges.added(SampleChanges.id("s1" + tag), "TC260-PG-" + tag + "S", "数据安全" + tag);
            ChangeEvent fast = SampleChanges.deadlineMoved(SampleChanges.id("s2" + tag), "TC260-PG-" + tag + "S",
                    "数据安全" + tag);
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            // The slow one takes its number first and commits last, as on another, slower instance.
            CompletableFuture<Void> slowInsert = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                    .run(() -> {
                        ChangeRecorder.row(slow, tagger, Instant.now()).persistAndFlush();
                        inserted.countDown();
                        await().atMost(PATIENCE).until(() -> commit.await(100, TimeUnit.MILLISECONDS));
                    }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            storeAsAnotherInstance(fast);
            await().atMost(OTHER_INSTANCE_DELAY).until(() -> ids(tag).equals(List.of(fast.id())));

            commit.countDown();
            slowInsert.get(30, TimeUnit.SECONDS);
            await().atMost(OTHER_INSTANCE_DELAY).until(() -> ids(tag).equals(List.of(fast.id(), slow.id())));
        }
    }

    /** Stored as another instance stores it: a committed row this instance's consumer never saw. */
    private void storeAsAnotherInstance(ChangeEvent change) {
        QuarkusTransaction.requiringNew().run(() -> ChangeRecorder.row(change, tagger, Instant.now()).persist());
    }

    private static List<String> ids(String tag) {
        return given().queryParam("q", tag).get("/api/changes").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    private static double rendered(String endpoint) {
        return Metrics.scrape().sum("tc260_read_rendered_total", "endpoint", endpoint);
    }
}
