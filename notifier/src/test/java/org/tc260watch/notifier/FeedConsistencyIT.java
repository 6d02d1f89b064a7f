package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.feed.AtomStructure;
import org.tc260watch.notifier.feed.DeadlineCalendarWriter;
import org.tc260watch.notifier.feed.Calendars;
import org.tc260watch.notifier.feed.FeedIds;
import org.tc260watch.notifier.feed.JsonFeedSchema;
import org.tc260watch.notifier.feed.SseClient;
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;
import org.w3c.dom.Element;

/**
 * One standard's scripted life on the real broker (a draft open for comment, its deadline moved, the period closed,
 * the stage changed, published as GB/T with its key migrating) shows the same changes, in the same order, in
 * {@code /api/changes}, the Atom feed, the JSON Feed and the event stream (live and resumed), answers 304 while
 * nothing changed, and moves, then drops, its event in the deadline calendar.
 */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class FeedConsistencyIT extends ChangeTopicBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SSE_PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/api/changes/stream")
    URI stream;

    @Test
    void aStandardsLifeIsTheSameInEveryFeed() throws Exception {
        String tag = unique();
        String title = "数据安全技术 数据出境安全评估指南" + tag;
        String draftKey = "title:" + title;
        String gbKey = "GB/T " + tag + "-2026";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate firstDeadline = today.plusDays(20);
        LocalDate movedDeadline = today.plusDays(30);
        Instant seen = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String uid = DeadlineCalendarWriter.uid(draftKey);

        StandardState opened = SampleChanges.state(draftKey, title, Stage.COMMENT_DRAFT, today.minusDays(10),
                firstDeadline).toBuilder().origin(draftKey).ids(List.of()).version(1).build();
        StandardState moved = opened.toBuilder().commentEnd(movedDeadline).version(2).build();
        StandardState closed = moved.toBuilder().commentClosed(today).version(3).build();
        StandardState reviewed = closed.toBuilder().stage(Stage.APPROVAL_DRAFT).version(4).build();
        StandardState published = reviewed.toBuilder().key(gbKey).previousKeys(List.of(draftKey)).ids(List.of(gbKey))
                .stage(Stage.PUBLISHED).published(today).version(5).build();
        List<ChangeEvent> life = List.of(
                change(ChangeType.STANDARD_ADDED, opened, seen),
                change(ChangeType.DEADLINE_CHANGED, moved, seen.plusSeconds(60),
                        new FieldChange("commentEnd", firstDeadline.toString(), movedDeadline.toString())),
                change(ChangeType.COMMENT_PERIOD_CLOSED, closed, seen.plusSeconds(120),
                        new FieldChange("commentClosed", null, today.toString())),
                change(ChangeType.STAGE_CHANGED, reviewed, seen.plusSeconds(180),
                        new FieldChange("stage", "COMMENT_DRAFT", "APPROVAL_DRAFT")),
                change(ChangeType.PUBLISHED, published, seen.plusSeconds(240),
                        new FieldChange("stage", "APPROVAL_DRAFT", "PUBLISHED"), new FieldChange("key", draftKey, gbKey)));
        List<String> ids = life.stream().map(ChangeEvent::id).toList();

        try (SseClient live = SseClient.connect(URI.create(stream + "?q=" + tag), null)) {
            // 1. Open for comment: one event on the deadline.
            producer.send(life.get(0));
            producer.sendState(opened);
            VEvent first = await().atMost(PATIENCE).until(() -> calendarEvent(uid), Optional::isPresent).get();
            assertThat(value(first, "DTSTART")).isEqualTo(ical(firstDeadline));
            assertThat(value(first, "SEQUENCE")).isEqualTo("1");
            assertThat(value(first, "SUMMARY")).contains(title);
            String calendarTag = notModifiedAgain("/feeds/deadlines.ics");
            await().atMost(PATIENCE).until(() -> changeIds(tag).size() == 1);
            String atomTag = notModifiedAgain("/feeds/changes.atom?q=" + tag);
            String jsonTag = notModifiedAgain("/feeds/changes.json?q=" + tag);

            // 2. The deadline moves: the same event (UID) moves, with a higher SEQUENCE.
            producer.send(life.get(1));
            producer.sendState(moved);
            VEvent second = await().atMost(PATIENCE)
                    .until(() -> calendarEvent(uid), e -> e.isPresent() && value(e.get(), "SEQUENCE").equals("2")).get();
            assertThat(value(second, "DTSTART")).isEqualTo(ical(movedDeadline));
            given().header("If-None-Match", calendarTag).get("/feeds/deadlines.ics").then().statusCode(200);
            // A new matching change: the feeds answer 200 to the old tags.
            await().atMost(PATIENCE).until(() -> changeIds(tag).size() == 2);
            given().header("If-None-Match", atomTag).get("/feeds/changes.atom?q=" + tag).then().statusCode(200);
            given().header("If-None-Match", jsonTag).get("/feeds/changes.json?q=" + tag).then().statusCode(200);

            // 3. The period closes: the event leaves the calendar.
            producer.send(life.get(2));
            producer.sendState(closed);
            await().atMost(PATIENCE).until(() -> calendarEvent(uid).isEmpty());

            // 4, 5. Stage changed, then published under a GB/T number (the old key's tombstone first, as it may come).
            producer.send(life.get(3));
            producer.sendState(reviewed);
            producer.send(life.get(4));
            producer.sendTombstone(draftKey);
            producer.sendState(published);
            await().atMost(PATIENCE).until(() -> changeIds(tag).size() == 5);

            // The same changes, newest first, in the API and both feeds.
            List<String> newestFirst = reversed(ids);
            assertThat(changeIds(tag)).isEqualTo(newestFirst);
            String atom = given().get("/feeds/changes.atom?q=" + tag).then().statusCode(200).extract().asString();
            assertThat(AtomStructure.violations(AtomStructure.parse(atom))).isEmpty();
            List<Element> entries = AtomStructure.children(AtomStructure.parse(atom).getDocumentElement(), "entry");
            assertThat(entries).extracting(e -> AtomStructure.children(e, "id").get(0).getTextContent())
                    .isEqualTo(newestFirst.stream().map(FeedIds::change).toList());
            JsonNode jsonFeed = JSON.readTree(given().get("/feeds/changes.json?q=" + tag).then().statusCode(200)
                    .extract().asString());
            assertThat(JsonFeedSchema.violations(jsonFeed)).isEmpty();
            List<JsonNode> items = new ArrayList<>();
            jsonFeed.path("items").forEach(items::add);
            assertThat(items).extracting(i -> i.path("id").asText())
                    .isEqualTo(newestFirst.stream().map(FeedIds::change).toList());
            List<JsonNode> apiItems = apiItems(tag);
            for (int i = 0; i < items.size(); i++) {
                // The change itself, exactly as the API serves it.
                assertThat(items.get(i).path("_tc260_watch").path("change")).isEqualTo(apiItems.get(i));
            }

            // The live stream got all five, oldest first, each the stored change; its ids are the JSON Feed's seqs.
            List<SseClient.Event> events = live.take(5, SSE_PATIENCE);
            assertThat(events).extracting(SseClient.Event::type)
                    .isEqualTo(life.stream().map(c -> c.type().wireName()).toList());
            assertThat(events).extracting(e -> tree(e.data()).path("id").asText()).isEqualTo(ids);
            assertThat(events).extracting(e -> tree(e.data())).isEqualTo(reversed(apiItems));
            assertThat(events).extracting(SseClient.Event::id).isEqualTo(
                    reversed(items).stream().map(i -> i.path("_tc260_watch").path("seq").asText()).toList());

            // Resumed after the second: the last three, nothing more.
            try (SseClient resumed = SseClient.connect(URI.create(stream + "?q=" + tag), events.get(1).id())) {
                assertThat(resumed.take(3, SSE_PATIENCE)).isEqualTo(events.subList(2, 5));
                assertThat(resumed.pending(Duration.ofSeconds(2))).isEmpty();
            }
            // The query parameter for clients that cannot set the header, with a type filter.
            try (SseClient byParam = SseClient.connect(URI.create(stream + "?q=" + tag + "&type=standard.published"
                    + "&lastEventId=0"), null)) {
                assertThat(byParam.take(1, SSE_PATIENCE)).containsExactly(events.get(4));
            }
            assertThat(live.pending(Duration.ofSeconds(1))).isEmpty();
        }

        // The filters of /api/changes work in the feeds too.
        String onlyPublished = given().get("/feeds/changes.atom?q=" + tag + "&type=PUBLISHED").then().statusCode(200)
                .extract().asString();
        assertThat(AtomStructure.children(AtomStructure.parse(onlyPublished).getDocumentElement(), "entry"))
                .hasSize(1);
        given().get("/feeds/changes.json?type=nonsense").then().statusCode(400);
        given().get("/feeds/changes.atom?limit=201").then().statusCode(400);
        given().header("Last-Event-ID", "x").get("/api/changes/stream").then().statusCode(400);
    }

    private static ChangeEvent change(ChangeType type, StandardState state, Instant detected, FieldChange... changes) {
        return new ChangeEvent(SampleChanges.id(state.originKey() + "|" + type.wireName() + "|" + state.version()),
                type, state.key(), state, List.of(changes), detected, List.of(SampleChanges.SOURCE_URL));
    }

    /** Fetches {@code path}, then again with its ETag: 304, with the same tag. */
    private static String notModifiedAgain(String path) {
        Response first = given().get(path).then().statusCode(200).header("Cache-Control", containsString("no-cache")).extract()
                .response();
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
        return etag;
    }

    private static List<JsonNode> apiItems(String tag) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(given().get("/api/changes?q=" + tag).then().statusCode(200).extract().asString()).path("items")
                .forEach(items::add);
        return items;
    }

    private static List<String> changeIds(String tag) throws Exception {
        return apiItems(tag).stream().map(i -> i.path("id").asText()).toList();
    }

    private static Optional<VEvent> calendarEvent(String uid) {
        Response response = given().get("/feeds/deadlines.ics").then().statusCode(200)
                .contentType("text/calendar; charset=utf-8").extract().response();
        List<VEvent> events = Calendars.parse(response.asString()).getComponents("VEVENT");
        return events.stream().filter(e -> value(e, "UID").equals(uid)).findFirst();
    }

    private static String value(VEvent event, String property) {
        return Calendars.value(event, property);
    }

    private static String ical(LocalDate date) {
        return date.toString().replace("-", "");
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
