package org.tc260watch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas under /schemas describe exactly what {@link EventJson#mapper()} writes for the three public
 * event kinds, and reject what a consumer could not read.
 */
class EventSchemaTest {

    static final String SNAPSHOT = EventSchemas.SNAPSHOT;
    static final String CHANGE = EventSchemas.CHANGE;
    static final String SCRAPE_RUN = EventSchemas.SCRAPE_RUN;

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private static final Instant OBSERVED = Instant.parse("2026-02-11T08:00:00Z");
    private static final String RUN_ID = "portal.suggestion-2026-02-11T08:00:00Z";
    private static final String DETAIL =
            "https://www.tc260.org.cn/portal/suggestion-detail/3bb57023c00a464faf4c2f7b9a5524c7";
    private static final List<Attachment> DRAFT_FILES = List.of(
            new Attachment("征求意见稿", "《数据安全技术 个人信息保护合规审计专业机构能力要求》标准征求意见稿文本.pdf",
                    "https://www.tc260.org.cn/sysFile/downloadFile/0f1e2d3c4b5a69788796a5b4c3d2e1f0"),
            new Attachment("编制说明", "《数据安全技术 个人信息保护合规审计专业机构能力要求》标准编制说明.pdf",
                    "https://www.tc260.org.cn/sysFile/downloadFile/1a2b3c4d5e6f70819203a4b5c6d7e8f9"));

    private static List<Error> validate(String schema, JsonNode json) {
        return EventSchemas.validate(schema, json);
    }

    static Snapshot commentDraft() {
        return new Snapshot("portal.suggestion", SiteGeneration.PORTAL,
                "portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7", DETAIL, ItemKind.COMMENT_DRAFT_NOTICE,
                "关于国家标准《数据安全技术 个人信息保护合规审计专业机构能力要求》征求意见稿征求意见的通知",
                List.of("20240896-T-469"), List.of("数据安全技术 个人信息保护合规审计专业机构能力要求"),
                Stage.COMMENT_DRAFT,
                new ItemDates(LocalDate.of(2026, 2, 11), LocalDate.of(2026, 2, 11), LocalDate.of(2026, 4, 12), null),
                DRAFT_FILES, "网安秘字〔2026〕12号",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", OBSERVED, RUN_ID, null);
    }

    static Snapshot bareListItem() {
        return new Snapshot("legacy.post", SiteGeneration.LEGACY, "legacy.post:20240301164054",
                "https://www.tc260.org.cn/front/postDetail.html?id=20240301164054", ItemKind.TECHNICAL_DOCUMENT, null,
                null, null, null, null, null, null,
                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", OBSERVED, RUN_ID, null);
    }

    static StandardState stateOfDraft() {
        return new StandardState("20240896-T-469", List.of("20240896-T-469"),
                "数据安全技术 个人信息保护合规审计专业机构能力要求", ItemKind.COMMENT_DRAFT_NOTICE, Stage.COMMENT_DRAFT,
                LocalDate.of(2026, 2, 11), LocalDate.of(2026, 4, 12), null, null, DRAFT_FILES, List.of(DETAIL),
                List.of("portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7"), OBSERVED,
                Instant.parse("2026-03-01T04:00:00.123Z"), 2);
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                arguments(SNAPSHOT, commentDraft()),
                arguments(SNAPSHOT, bareListItem()),
                arguments(SNAPSHOT, new Snapshot("shtml.practice-guides", SiteGeneration.SHTML,
                        "shtml.practice-guides:f0a84ada0c11458e9cb6da56c1cb2426",
                        "https://www.tc260.org.cn/tc260/sjzn/202508/f0a84ada0c11458e9cb6da56c1cb2426.shtml",
                        ItemKind.PRACTICE_GUIDE, "网络安全标准实践指南——人工智能生成合成内容标识方法 文本",
                        List.of("TC260-PG-20258A"), List.of(), Stage.PUBLISHED,
                        new ItemDates(LocalDate.of(2025, 8, 28), null, null, LocalDate.of(2025, 9, 1)), List.of(), null,
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", OBSERVED, RUN_ID, null)),
                arguments(SCRAPE_RUN, new ScrapeRun(RUN_ID, "portal.suggestion", SiteGeneration.PORTAL, 3, 45_211L, 24,
                        1, List.of(), Health.HEALTHY, null, true, OBSERVED, OBSERVED.plusMillis(2_345))),
                arguments(SCRAPE_RUN, new ScrapeRun("portal.notices-2026-09-01T00:00:00Z", "portal.notices", null, 1,
                        15_032L, 0, 0,
                        List.of(new ScrapeError("https://www.tc260.org.cn/portal/cms/work/10/2",
                                        "soft 404: the homepage was served"),
                                new ScrapeError(null, "no list page recognised")),
                        Health.FAILED, "the site answered every page with its homepage", false,
                        Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:04.5Z"))),
                arguments(CHANGE, new ChangeEvent("5c1f0b8e-20240896-T-469-standard.added-1", ChangeType.STANDARD_ADDED,
                        "20240896-T-469", stateOfDraft(),
                        List.of(new FieldChange("stage", null, "COMMENT_DRAFT"),
                                new FieldChange("commentEnd", null, "2026-04-12")),
                        OBSERVED, List.of(DETAIL))),
                arguments(CHANGE, new ChangeEvent("0b4e7c9a-20240896-T-469-standard.deadline-changed-2",
                        ChangeType.DEADLINE_CHANGED, "20240896-T-469", stateOfDraft(),
                        List.of(new FieldChange("commentEnd", "2026-04-12", "2026-04-30")),
                        Instant.parse("2026-03-01T04:00:00.123Z"), List.of(DETAIL))),
                arguments(CHANGE, new ChangeEvent("source.health-changed-portal.notices-7",
                        ChangeType.SOURCE_HEALTH_CHANGED, "portal.notices", null,
                        List.of(new FieldChange("health", "HEALTHY", "FAILED")), Instant.parse("2026-09-01T00:00:05Z"),
                        null)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void serialisedEventsAreValidAndReadBackEqual(String schema, Record event) throws IOException {
        JsonNode json = MAPPER.valueToTree(event);

        assertThat(validate(schema, json)).as(json.toPrettyString()).isEmpty();
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(event), event.getClass())).isEqualTo(event);
    }

    @Test
    void writesDatesAsIsoStringsEnumsByNameChangeTypesByWireNameAndOmitsNulls() {
        JsonNode snapshot = MAPPER.valueToTree(bareListItem());
        assertThat(snapshot.has("title")).isFalse();
        assertThat(snapshot.has("stage")).isFalse();
        assertThat(snapshot.get("dates").isObject() && snapshot.get("dates").isEmpty()).isTrue();
        assertThat(snapshot.get("standardIds").isArray()).isTrue();
        assertThat(snapshot.get("observedAt").asText()).isEqualTo("2026-02-11T08:00:00Z");
        assertThat(snapshot.get("kind").asText()).isEqualTo("TECHNICAL_DOCUMENT");

        JsonNode change = MAPPER.valueToTree(examples().filter(a -> a.get()[1] instanceof ChangeEvent)
                .map(a -> a.get()[1]).findFirst().orElseThrow());
        assertThat(change.get("type").asText()).isEqualTo("standard.added");
        assertThat(change.at("/state/commentEnd").asText()).isEqualTo("2026-04-12");
        assertThat(change.at("/state/published").isMissingNode()).isTrue();
        assertThat(change.at("/changes/0/from").isNull()).as("FieldChange writes null values").isTrue();

        JsonNode run = MAPPER.valueToTree(new ScrapeRun("r", "s", null, 0, 0, 0, 0,
                List.of(new ScrapeError(null, "m")), Health.FAILED, "r", false, OBSERVED, OBSERVED));
        assertThat(run.has("generation")).isFalse();
        assertThat(run.at("/errors/0").has("url")).isFalse();
    }

    @Test
    void toleratesPropertiesAddedByLaterVersions() {
        ObjectNode json = MAPPER.valueToTree(commentDraft());
        json.put("addedLater", "consumers must ignore this");
        ((ObjectNode) json.get("dates")).put("reviewMeeting", "2026-05-01");

        assertThat(validate(SNAPSHOT, json)).isEmpty();
    }

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                broken(SNAPSHOT, commentDraft(), "missing itemKey", "required", j -> j.remove("itemKey")),
                broken(SNAPSHOT, commentDraft(), "missing standardIds", "required", j -> j.remove("standardIds")),
                broken(SNAPSHOT, commentDraft(), "unknown kind", "enum", j -> j.put("kind", "ARTICLE")),
                broken(SNAPSHOT, commentDraft(), "stage by label", "enum", j -> j.put("stage", "征求意见稿")),
                broken(SNAPSHOT, commentDraft(), "slash date", "pattern",
                        j -> ((ObjectNode) j.get("dates")).put("commentEnd", "2026/04/12")),
                broken(SNAPSHOT, commentDraft(), "month 13", "pattern",
                        j -> ((ObjectNode) j.get("dates")).put("published", "2026-13-01")),
                broken(SNAPSHOT, commentDraft(), "impossible day", "format",
                        j -> ((ObjectNode) j.get("dates")).put("published", "2026-02-30")),
                broken(SNAPSHOT, commentDraft(), "date as epoch array", "type",
                        j -> ((ObjectNode) j.get("dates")).putArray("published").add(2026).add(2).add(11)),
                broken(SNAPSHOT, commentDraft(), "instant as epoch seconds", "type", j -> j.put("observedAt", 1770796800)),
                broken(SNAPSHOT, commentDraft(), "upper-case hash", "pattern", j -> j.put("contentHash", "AB12")),
                broken(SNAPSHOT, commentDraft(), "attachment without url", "required",
                        j -> ((ObjectNode) j.get("attachments").get(0)).remove("url")),
                broken(CHANGE, changeExample(), "missing id", "required", j -> j.remove("id")),
                broken(CHANGE, changeExample(), "type by enum name", "enum", j -> j.put("type", "STANDARD_ADDED")),
                broken(CHANGE, changeExample(), "state without key", "required",
                        j -> ((ObjectNode) j.get("state")).remove("key")),
                broken(CHANGE, changeExample(), "state with bad deadline", "pattern",
                        j -> ((ObjectNode) j.get("state")).put("commentEnd", "12 April 2026")),
                broken(CHANGE, changeExample(), "field change without to", "required",
                        j -> ((ObjectNode) j.get("changes").get(0)).remove("to")),
                broken(CHANGE, changeExample(), "bad detectedAt", "pattern", j -> j.put("detectedAt", "2026-02-11")),
                broken(SCRAPE_RUN, scrapeRunExample(), "missing health", "required", j -> j.remove("health")),
                broken(SCRAPE_RUN, scrapeRunExample(), "unknown health", "enum", j -> j.put("health", "OK")),
                broken(SCRAPE_RUN, scrapeRunExample(), "negative bytes", "minimum", j -> j.put("bytes", -1)),
                broken(SCRAPE_RUN, scrapeRunExample(), "generation in lower case", "enum",
                        j -> j.put("generation", "portal")),
                broken(SCRAPE_RUN, scrapeRunExample(), "error without message", "required",
                        j -> ((ArrayNode) j.get("errors")).addObject().put("url", "https://www.tc260.org.cn/")),
                broken(SCRAPE_RUN, scrapeRunExample(), "bad startedAt", "format",
                        j -> j.put("startedAt", "2026-02-11T25:00:00Z")));
    }

    private static ChangeEvent changeExample() {
        return new ChangeEvent("id-1", ChangeType.STANDARD_ADDED, "20240896-T-469", stateOfDraft(),
                List.of(new FieldChange("stage", null, "COMMENT_DRAFT")), OBSERVED, List.of(DETAIL));
    }

    private static ScrapeRun scrapeRunExample() {
        return new ScrapeRun(RUN_ID, "portal.suggestion", SiteGeneration.PORTAL, 3, 45_211L, 24, 1, List.of(),
                Health.HEALTHY, null, true, OBSERVED, OBSERVED.plusSeconds(2));
    }

    private static Arguments broken(String schema, Record valid, String what, String keyword, Consumer<ObjectNode> breakIt) {
        ObjectNode json = MAPPER.valueToTree(valid);
        breakIt.accept(json);
        return arguments(schema, what, keyword, json);
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("brokenDocuments")
    void rejectsBrokenDocuments(String schema, String what, String keyword, ObjectNode json) {
        List<Error> errors = validate(schema, json);

        assertThat(errors).as(what).isNotEmpty();
        assertThat(errors).extracting(Error::getKeyword).as(errors.toString()).contains(keyword);
    }

    @Test
    void everySchemaIsDraft202012WithItsOwnId() {
        for (String name : EventSchemas.ALL) {
            JsonNode node = EventSchemas.schema(name).getSchemaNode();
            assertThat(node.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            // Names, not locations: the same in every installation, resolved to the files in this jar.
            assertThat(node.get("$id").asText()).isEqualTo("urn:tc260-watch:schemas:" + name);
            assertThat(node.has("additionalProperties")).as("consumers must tolerate additions").isFalse();
            assertThat(node.get("description").asText()).isNotBlank();
            node.get("properties").properties().forEach(p ->
                    assertThat(p.getValue().path("description").asText()).as(name + " " + p.getKey()).isNotBlank());
        }
        assertThat(EventSchemas.schema(CHANGE).getSchemaNode().get("$id").asText())
                .as("the ce_dataschema of tc260.changes records").isEqualTo(ChangeCloudEvents.DATA_SCHEMA);
    }
}
