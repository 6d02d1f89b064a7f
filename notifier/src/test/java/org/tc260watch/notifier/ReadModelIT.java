package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StageStep;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.readmodel.ReadModelIndexer;
import org.tc260watch.notifier.readmodel.ReadModelMeta;
import org.tc260watch.notifier.readmodel.StandardRecorder;
import org.tc260watch.notifier.readmodel.StoredChange;
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;

/**
 * The read model on the real broker: changes from {@code tc260.changes} and states from the compacted
 * {@code tc260.standards}, served by {@code /api/changes} (filters, paging, ETags) and {@code /api/standards}
 * (catalogue, one standard by any key it had, with its history).
 */
@SuppressWarnings("unchecked")
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class ReadModelIT extends ChangeTopicBase {

    /** A draft known by its title, then published as GB/T: its key migrates, its history stays whole. */
    @Nested
    class AStandardWhoseKeyMigrates {

        @Test
        void isFoundByItsOldAndNewKeyWithItsWholeHistory() {
            String tag = unique();
            String title = "网络安全技术 生成式人工智能数据标注安全规范" + tag;
            String draftKey = "title:" + title;
            String gbKey = "GB/T " + tag + "-2026";
            StandardState draft = state(draftKey, draftKey, List.of(), title, Stage.COMMENT_DRAFT, 1);
            StandardState published = state(gbKey, draftKey, List.of(draftKey), title, Stage.PUBLISHED, 2);
            ChangeEvent added = change("added" + tag, ChangeType.STANDARD_ADDED, draftKey, draft);
            ChangeEvent publication = change("published" + tag, ChangeType.PUBLISHED, gbKey, published,
                    new FieldChange("stage", "COMMENT_DRAFT", "PUBLISHED"));
            producer.send(added);
            producer.sendState(draft);
            producer.send(publication);
            // The differ's order across partitions is not guaranteed: the old key's tombstone may come first.
            producer.sendTombstone(draftKey);
            producer.sendState(published);

            // The states and the changes come through two topics and two consumers: wait for both.
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (String key : List.of(gbKey, draftKey)) {
                    JsonPath body = given().get("/api/standards/{key}", key).then().statusCode(200).extract()
                            .jsonPath();
                    assertThat(body.getString("standard.stage")).isEqualTo("PUBLISHED");
                    assertThat(body.getString("standard.key")).isEqualTo(gbKey);
                    assertThat(body.getList("standard.topics", String.class)).contains("ai-safety");
                    assertThat(body.getList("history.id", String.class)).containsExactly(added.id(), publication.id());
                }
            });
            // One row in the catalogue, under its new key.
            JsonPath catalogue = given().queryParam("q", tag).get("/api/standards").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(catalogue.getList("items.key", String.class)).containsExactly(gbKey);
        }

        @Test
        void anOlderStateArrivingLateChangesNothing() {
            String tag = unique();
            String key = "GB/T " + tag + "-2025";
            String staleAlias = "title:stale" + tag;
            String title = "信息安全技术 密码应用测评" + tag;
            producer.sendState(state(key, key, List.of(), title, Stage.PUBLISHED, 5));
            // Version 4 arrives late, with a key only it knows: applied, it would be an alias of the standard.
            producer.sendState(state(key, key, List.of(staleAlias), title, Stage.APPROVAL_DRAFT, 4));
            // Same key, so the same partition: once version 6 is in, version 4 has been dealt with.
            producer.sendState(state(key, key, List.of(), title + "（第6版）", Stage.PUBLISHED, 6));
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/standards/{key}", key).then()
                    .statusCode(200).body("standard.title", org.hamcrest.Matchers.equalTo(title + "（第6版）")));
            given().get("/api/standards/{key}", staleAlias).then().statusCode(404);
        }

        @Test
        void aMergedAwayStandardDisappearsButItsKeyLeadsToTheSurvivor() {
            String tag = unique();
            String survivor = "GB/T " + tag + "-2026";
            String absorbed = "TC260-PG-" + tag;
            producer.sendState(state(absorbed, absorbed, List.of(), "实践指南" + tag, Stage.COMMENT_DRAFT, 1));
            producer.sendState(state(survivor, survivor, List.of(absorbed), "标准" + tag, Stage.COMMENT_DRAFT, 3));
            producer.sendTombstone(absorbed);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().queryParam("q", tag)
                    .get("/api/standards").then().statusCode(200).extract().jsonPath().getList("items.key",
                            String.class)).containsExactly(survivor));
            given().get("/api/standards/{key}", absorbed).then().statusCode(200)
                    .body("standard.key", org.hamcrest.Matchers.equalTo(survivor));
        }
    }

    /**
     * The two states of a merge are on different partitions, so a replay of tc260.standards may bring them in either
     * order; applied here in both, directly, since the topic cannot force an order across partitions.
     */
    @Nested
    class AMergeReadInEitherOrder {

        @Test
        void theAbsorbedKeyLeadsToTheSurvivorOnceTheAbsorbedOneIsGone() {
            for (boolean survivorFirst : List.of(true, false)) {
                String tag = unique();
                String survivor = "GB/T " + tag + "-2026";
                String absorbed = "TC260-PG-" + tag;
                StandardState absorbedState = state(absorbed, absorbed, List.of(), "实践指南" + tag, Stage.COMMENT_DRAFT, 1);
                StandardState survivorState = state(survivor, survivor, List.of(absorbed), "标准" + tag,
                        Stage.COMMENT_DRAFT, 3);
                standards.apply(survivorFirst ? survivor : absorbed, survivorFirst ? survivorState : absorbedState);
                standards.apply(survivorFirst ? absorbed : survivor, survivorFirst ? absorbedState : survivorState);
                standards.apply(absorbed, null);

                given().get("/api/standards/{key}", absorbed).then().statusCode(200)
                        .body("standard.key", org.hamcrest.Matchers.equalTo(survivor));
                given().get("/api/standards/{key}", survivor).then().statusCode(200)
                        .body("standard.key", org.hamcrest.Matchers.equalTo(survivor));
            }
        }
    }

    @Nested
    class TheChangeList {

        @Test
        void filtersByTypeKindStageTopicAndTextAndPagesWithStableCursors() {
            String tag = unique();
            ChangeEvent ai = SampleChanges.of(ChangeType.STANDARD_ADDED, "TC260-PG-" + tag, "网络安全技术 人工智能"
                    + tag + "安全要求", ItemKind.PRACTICE_GUIDE, Stage.COMMENT_DRAFT, List.of("TC260-PG-" + tag),
                    LocalDate.of(2027, 1, 31));
            ChangeEvent crypto = SampleChanges.of(ChangeType.PUBLISHED, "GB/T " + tag + "-2026",
                    "信息安全技术 SM9 标识密码算法 " + tag, ItemKind.PUBLICATION_ANNOUNCEMENT, Stage.PUBLISHED,
                    List.of("GB/T " + tag + "-2026"), null);
            ChangeEvent closing = SampleChanges.of(ChangeType.COMMENT_PERIOD_CLOSING, "TC260-PG-" + tag,
                    "网络安全技术 人工智能" + tag + "安全要求", ItemKind.PRACTICE_GUIDE, Stage.COMMENT_DRAFT,
                    List.of("TC260-PG-" + tag), LocalDate.of(2027, 1, 31));
            producer.send(ai);
            producer.send(crypto);
            producer.send(closing);
            await().atMost(PATIENCE).until(() -> ids("q", tag).size() == 3);

            assertThat(ids("q", tag)).containsExactly(closing.id(), crypto.id(), ai.id());
            assertThat(ids("q", tag, "type", "standard.published")).containsExactly(crypto.id());
            assertThat(ids("q", tag, "type", "PUBLISHED,comment-period.closing")).containsExactly(closing.id(),
                    crypto.id());
            assertThat(ids("q", tag, "kind", "practice_guide")).containsExactly(closing.id(), ai.id());
            assertThat(ids("q", tag, "stage", "已发布")).containsExactly(crypto.id());
            assertThat(ids("q", tag, "topic", "cryptography")).containsExactly(crypto.id());
            assertThat(ids("q", tag, "topic", "ai-safety", "type", "standard.added")).containsExactly(ai.id());
            // Identifiers match without their spaces, full-width forms folded.
            assertThat(ids("q", "ＧＢ/Ｔ" + tag)).containsExactly(crypto.id());

            // Pages of one, newest first, then older through the cursor, never repeating.
            Response first = given().queryParam("q", tag).queryParam("limit", 1).get("/api/changes");
            String cursor = first.then().statusCode(200).extract().jsonPath().getString("nextCursor");
            JsonPath second = given().queryParam("q", tag).queryParam("limit", 1).queryParam("after", cursor)
                    .get("/api/changes").then().statusCode(200).extract().jsonPath();
            assertThat(second.getList("items.id", String.class)).containsExactly(crypto.id());
            // The items are the change events as published.
            given().get("/api/changes/{id}", crypto.id()).then().statusCode(200)
                    .body("standardKey", org.hamcrest.Matchers.equalTo(crypto.standardKey()))
                    .body("state.title", org.hamcrest.Matchers.equalTo(crypto.state().title()));
        }

        @Test
        void anUnchangedPageAnswers304AndANewMatchingChangeChangesItsTag() {
            String tag = unique();
            producer.send(SampleChanges.added(SampleChanges.id("etag1" + tag), "TC260-PG-" + tag + "E", "数据安全" + tag));
            await().atMost(PATIENCE).until(() -> ids("q", tag).size() == 1);
            String etag = given().queryParam("q", tag).get("/api/changes").then().statusCode(200)
                    .extract().header("ETag");
            assertThat(etag).isNotBlank();
            given().queryParam("q", tag).header("If-None-Match", etag).get("/api/changes").then().statusCode(304);

            producer.send(SampleChanges.deadlineMoved(SampleChanges.id("etag2" + tag), "TC260-PG-" + tag + "E",
                    "数据安全" + tag));
            await().atMost(PATIENCE).until(() -> ids("q", tag).size() == 2);
            String newTag = given().queryParam("q", tag).header("If-None-Match", etag).get("/api/changes").then()
                    .statusCode(200).extract().header("ETag");
            assertThat(newTag).isNotEqualTo(etag);
        }

        @Test
        void badParametersAreRefusedWithAClearMessage() {
            given().queryParam("limit", 201).get("/api/changes").then().statusCode(400)
                    .body("error", containsString("limit"));
            given().queryParam("limit", 0).get("/api/changes").then().statusCode(400);
            given().queryParam("type", "standard.exploded").get("/api/changes").then().statusCode(400)
                    .body("error", containsString("standard.published"));
            given().queryParam("topic", "astrology").get("/api/changes").then().statusCode(400)
                    .body("error", containsString("data-security"));
            given().queryParam("stage", "nonsense").get("/api/standards").then().statusCode(400)
                    .body("error", containsString("stage"));
            given().queryParam("after", "not-a-cursor").get("/api/changes").then().statusCode(400)
                    .body("error", containsString("after"));
            given().queryParam("q", "x".repeat(201)).get("/api/changes").then().statusCode(400);
            given().get("/api/standards/{key}", "GB/T 0-0000").then().statusCode(404)
                    .body("error", containsString("GB/T 0-0000"));
            given().get("/api/changes/{id}", "no-such-change").then().statusCode(404);
        }
    }

    /** Injected into the outer class: Quarkus does not inject into @Nested instances. */
    @Inject
    ReadModelIndexer indexer;

    @Inject
    StandardRecorder standards;

    @Nested
    class StoredTags {

        @Test
        void areComputedAgainOnceWhenTheTopicRulesChanged() {
            String tag = unique();
            ChangeEvent change = SampleChanges.added(SampleChanges.id("retag" + tag), "TC260-PG-" + tag + "R",
                    "个人信息出境" + tag);
            producer.send(change);
            await().atMost(PATIENCE).until(() -> ids("q", tag).size() == 1);
            // As if the rules had tagged it otherwise when it was stored.
            QuarkusTransaction.requiringNew().run(() -> StoredChange.update("topics = ',' where id = ?1", change.id()));
            assertThat(ids("q", tag, "topic", "personal-information")).isEmpty();

            indexer.reconcile(); // same rules: stored tags are left alone
            assertThat(ids("q", tag, "topic", "personal-information")).isEmpty();

            indexer.remember("rules of an older version");
            indexer.reconcile();
            assertThat(ids("q", tag, "topic", "personal-information")).containsExactly(change.id());
        }
    }

    @Nested
    class TwoInstancesStartingTogether {

        @Test
        void bothReconcileTheTagsWithoutFailing() throws Exception {
            for (int round = 0; round < 5; round++) {
                QuarkusTransaction.requiringNew().run(() -> ReadModelMeta.deleteAll());
                CyclicBarrier start = new CyclicBarrier(2);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    List<Future<?>> runs = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        runs.add(pool.submit(() -> {
                            start.await(10, TimeUnit.SECONDS);
                            indexer.reconcile();
                            return null;
                        }));
                    }
                    for (Future<?> run : runs) {
                        run.get(60, TimeUnit.SECONDS); // throws if reconcile failed
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertThat(QuarkusTransaction.requiringNew().call(() -> ReadModelMeta.count())).isEqualTo(1);
            }
        }
    }

    @Nested
    class TheApiDocument {

        @Test
        void documentsEveryEndpointParameterAndError() {
            JsonPath api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
            assertThat(paths.keySet()).contains("/api/changes", "/api/changes/{id}", "/api/standards",
                    "/api/standards/{key}", "/api/subscriptions", "/api/subscriptions/manage",
                    "/admin/deliveries", "/admin/deliveries/{id}/resend", "/admin/digests/run");
            assertThat(api.getList("paths.'/api/changes'.get.parameters.name", String.class))
                    .contains("after", "limit", "type", "kind", "stage", "topic", "q");
            paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
                String where = method.toUpperCase() + " " + path;
                assertThat(operation.get("summary")).as(where + " summary").isNotNull();
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault(
                        "parameters", List.of());
                for (Map<String, Object> parameter : parameters) {
                    assertThat(parameter.get("description")).as(where + " parameter " + parameter.get("name"))
                            .isNotNull();
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                assertThat(responses.keySet()).as(where + " documents a success")
                        .anyMatch(code -> code.startsWith("2"));
                // Bad input is the client's error: what takes input documents how it answers bad input.
                if (!parameters.isEmpty() || operation.containsKey("requestBody")) {
                    assertThat(responses.keySet()).as(where + " documents its errors")
                            .anyMatch(code -> code.startsWith("4"));
                }
            }));
        }
    }

    private static List<String> ids(String... params) {
        var request = given();
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/changes").then().statusCode(200).extract().jsonPath().getList("items.id",
                String.class);
    }

    private static StandardState state(String key, String origin, List<String> previousKeys, String title,
            Stage stage, long version) {
        Instant seen = Instant.parse("2026-10-01T08:00:00Z");
        return new StandardState(key, origin, previousKeys, key.startsWith("title:") ? List.of() : List.of(key),
                title, List.of(title), ItemKind.COMMENT_DRAFT_NOTICE, stage, List.of(new StageStep(stage, seen)),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), null,
                stage == Stage.PUBLISHED ? LocalDate.of(2026, 11, 1) : null, null, List.of(),
                List.of(SampleChanges.SOURCE_URL), List.of("shtml.drafts:" + origin), seen, seen, version);
    }

    private static ChangeEvent change(String name, ChangeType type, String key, StandardState state,
            FieldChange... fields) {
        return new ChangeEvent(SampleChanges.id(name), type, key, state, List.of(fields),
                Instant.parse("2026-10-02T08:00:00Z"), List.of(SampleChanges.SOURCE_URL));
    }
}
