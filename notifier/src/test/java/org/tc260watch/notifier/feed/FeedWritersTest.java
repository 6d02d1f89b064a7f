package org.tc260watch.notifier.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.notifier.readmodel.SeqHorizon;
import org.tc260watch.notifier.testing.SampleChanges;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The feed entries and the Atom and JSON Feed documents made of them. */
class FeedWritersTest {

    static final URI PUBLIC = URI.create("https://watch.example.org/base");
    static final FeedEntries ENTRIES = new FeedEntries(PUBLIC, ZoneId.of("Asia/Shanghai"), new Glossary());
    static final String SCRIPT_TITLE = "<script>alert('x')</script> & 数据安全技术";

    static String json(ChangeEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static FeedEntry added() {
        return ENTRIES.entry(7, json(SampleChanges.added(SampleChanges.id("a"), "title:数据安全技术 数据分类",
                "数据安全技术 数据分类")), Instant.parse("2026-03-02T09:00:00Z"), List.of("data-security"));
    }

    static FeedEntry published() {
        ChangeEvent event = SampleChanges.of(ChangeType.PUBLISHED, "GB/T 45001-2026", SCRIPT_TITLE,
                ItemKind.PUBLICATION_ANNOUNCEMENT, Stage.PUBLISHED, List.of("GB/T 45001-2026"), null,
                new FieldChange("stage", "SUBMITTED_DRAFT", "PUBLISHED"));
        return ENTRIES.entry(9, json(event), Instant.parse("2026-11-01T09:00:00Z"), List.of());
    }

    static ChangeFeed feed(FeedEntry... entries) {
        return ChangeFeed.of(FeedIds.changeFeed(""), "TC260 changes", URI.create(PUBLIC + "/feeds/changes.atom"),
                URI.create(PUBLIC + "/"), List.of(entries));
    }

    @Nested
    class Entries {

        @Test
        void anEntrySaysWhatHappenedToWhichStandardWithItsDeadlineAndLinks() {
            FeedEntry entry = added();
            assertThat(entry.id()).isEqualTo("urn:tc260-watch:change:" + SampleChanges.id("a"));
            assertThat(entry.title()).isEqualTo("征求意见 / Open for comment: 《数据安全技术 数据分类》");
            assertThat(entry.type()).isEqualTo("standard.added");
            // The change's detection time, not the time it was stored.
            assertThat(entry.updated()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
            assertThat(entry.link().toString()).isEqualTo(
                    "https://watch.example.org/base/standards/title%3A%E6%95%B0%E6%8D%AE%E5%AE%89%E5%85%A8%E6%8A%80%E6%9C%AF%20%E6%95%B0%E6%8D%AE%E5%88%86%E7%B1%BB");
            assertThat(entry.html())
                    .contains("征求意见期 / Comment period: 2026-03-01 – 2026-04-30")
                    .contains("<a href=\"" + entry.link() + "\">标准页面 / Standard page</a>")
                    .contains("<a href=\"" + SampleChanges.SOURCE_URL + "\">")
                    .contains("主题 / Topics: data-security");
        }

        @Test
        void theStandardPageLinkKeepsTheSlashOfAKeyInsideOneSegment() {
            assertThat(published().link().toString())
                    .isEqualTo("https://watch.example.org/base/standards/GB/T%2045001-2026");
        }

        @Test
        void scrapedMarkupIsEscapedInTheHtml() {
            FeedEntry entry = published();
            assertThat(entry.title()).isEqualTo("已发布 / Published: 《" + SCRIPT_TITLE + "》");
            assertThat(entry.html()).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;");
        }

        @Test
        void theSameStoredChangeGivesTheSameEntry() {
            assertThat(added()).isEqualTo(added());
        }
    }

    @Nested
    class Atom {

        @Test
        void theFeedFollowsRfc4287() {
            String xml = AtomFeedWriter.write(feed(published(), added()));
            Document dom = AtomStructure.parse(xml);
            assertThat(AtomStructure.violations(dom)).isEmpty();
            Element root = dom.getDocumentElement();
            assertThat(text(root, "id")).isEqualTo("urn:tc260-watch:feed:changes");
            // updated = the newest entry's time.
            assertThat(text(root, "updated")).isEqualTo("2026-11-01T08:00:00Z");
            List<Element> entries = AtomStructure.children(root, "entry");
            assertThat(entries).extracting(e -> text(e, "id")).containsExactly(
                    FeedIds.change(published().changeId()), FeedIds.change(SampleChanges.id("a")));
            Element self = AtomStructure.children(root, "link").stream()
                    .filter(l -> "self".equals(l.getAttribute("rel"))).findFirst().orElseThrow();
            assertThat(self.getAttribute("href")).isEqualTo("https://watch.example.org/base/feeds/changes.atom");
            assertThat(AtomStructure.children(entries.get(0), "category")).extracting(c -> c.getAttribute("term"))
                    .containsExactly("standard.published");
        }

        @Test
        void aScriptTitleIsTextAndItsMarkupStaysEscapedInsideTheHtmlContent() {
            Document dom = AtomStructure.parse(AtomFeedWriter.write(feed(published())));
            assertThat(dom.getElementsByTagName("script").getLength()).isZero();
            Element entry = AtomStructure.children(dom.getDocumentElement(), "entry").get(0);
            Element title = AtomStructure.children(entry, "title").get(0);
            assertThat(title.getAttribute("type")).isEqualTo("text");
            assertThat(title.getTextContent()).contains(SCRIPT_TITLE);
            Element content = AtomStructure.children(entry, "content").get(0);
            assertThat(content.getAttribute("type")).isEqualTo("html");
            // The HTML a reader renders, once the XML is decoded: the markup is still escaped there.
            assertThat(content.getTextContent()).doesNotContain("<script").contains("&lt;script&gt;");
        }

        @Test
        void anEmptyFeedIsValidAndStable() {
            String xml = AtomFeedWriter.write(feed());
            assertThat(AtomStructure.violations(AtomStructure.parse(xml))).isEmpty();
            assertThat(xml).contains("<updated>1970-01-01T00:00:00Z</updated>")
                    .isEqualTo(AtomFeedWriter.write(feed()));
        }

        @Test
        void theCheckerCatchesWhatRfc4287Forbids() {
            String broken = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><updated>2026-01-01</updated>"
                    + "<link href=\"a\"/><link rel=\"alternate\" href=\"b\"/>"
                    + "<entry><id>not an iri</id><id>urn:x:y</id><title>t</title><updated>2026-01-01T00:00:00z</updated></entry>"
                    + "</feed>";
            assertThat(AtomStructure.violations(AtomStructure.parse(broken))).containsExactlyInAnyOrder(
                    "feed: 0 atom:id (exactly one required)",
                    "3.3 feed: updated '2026-01-01' is not an RFC 3339 date-time",
                    "4.1.1/4.1.2 feed: two alternate links of type '' and hreflang ''",
                    "4.1.1: feed has no atom:author and not every entry has one",
                    "entry: 2 atom:id (exactly one required)",
                    "4.2.6 entry[0]: id 'not an iri' is not an IRI: Illegal character in path at index 3: not an iri",
                    "3.3 entry[0]: updated '2026-01-01T00:00:00z' is not an RFC 3339 date-time",
                    "4.1.2 entry[0]: neither atom:content nor an alternate link");
        }

        private static String text(Element parent, String name) {
            return AtomStructure.children(parent, name).get(0).getTextContent();
        }
    }

    @Nested
    class JsonFeed {

        private final ObjectMapper json = new ObjectMapper();

        @Test
        void theFeedIsAJsonFeed11WithTheStoredChangeInEachItem() throws Exception {
            JsonNode feed = json.readTree(JsonFeedWriter.write(feed(published(), added())));
            assertThat(JsonFeedSchema.violations(feed)).isEmpty();
            assertThat(feed.path("feed_url").asText()).isEqualTo("https://watch.example.org/base/feeds/changes.atom");
            JsonNode item = feed.path("items").get(1);
            assertThat(item.path("id").asText()).isEqualTo(FeedIds.change(SampleChanges.id("a")));
            assertThat(item.path("date_published").asText()).isEqualTo("2026-03-02T08:00:00Z");
            assertThat(item.path("tags")).extracting(JsonNode::asText).containsExactly("standard.added", "data-security");
            assertThat(item.path("_tc260_watch").path("seq").asLong()).isEqualTo(7);
            assertThat(item.path("_tc260_watch").path("change")).isEqualTo(json.readTree(added().payload()));
        }

        @Test
        void aScriptTitleIsPlainTextAndEscapedInTheHtml() throws Exception {
            JsonNode item = json.readTree(JsonFeedWriter.write(feed(published()))).path("items").get(0);
            // JSON Feed titles are plain text; the HTML is where markup would run, and there it is escaped.
            assertThat(item.path("title").asText()).contains(SCRIPT_TITLE);
            assertThat(item.path("content_html").asText()).doesNotContain("<script").contains("&lt;script&gt;");
        }

        @Test
        void theSchemaRejectsAnItemWithoutContent() throws Exception {
            JsonNode broken = json.readTree("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\","
                    + "\"items\":[{\"id\":\"1\",\"date_published\":\"yesterday\"}]}");
            assertThat(JsonFeedSchema.violations(broken)).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Nested
    class Ids {

        @Test
        void idsAreUrnsWithEverythingOutsideTheUrnAlphabetEncoded() {
            assertThat(FeedIds.change("a b/c:《》")).isEqualTo("urn:tc260-watch:change:a%20b%2Fc%3A%E3%80%8A%E3%80%8B");
            assertThat(URI.create(FeedIds.changeFeed("type=standard.published&q=数据")).isAbsolute()).isTrue();
        }
    }

    @Nested
    class Horizon {

        private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

        @Test
        void aStreamAdvancesOverNumbersWithoutHoles() {
            assertThat(new SeqHorizon(java.time.Duration.ofSeconds(5)).advance(3, List.of(4L, 5L, 6L), t0)).isEqualTo(6);
        }

        @Test
        void aHoleIsWaitedForUntilItFillsOrTheGraceRunsOut() {
            SeqHorizon horizon = new SeqHorizon(java.time.Duration.ofSeconds(5));
            assertThat(horizon.advance(3, List.of(4L, 6L, 7L), t0)).isEqualTo(4);
            assertThat(horizon.advance(4, List.of(6L, 7L), t0.plusSeconds(2))).isEqualTo(4);
            // The insert that took 5 committed: everything is there.
            assertThat(horizon.advance(4, List.of(5L, 6L, 7L), t0.plusSeconds(3))).isEqualTo(7);
        }

        @Test
        void aHoleThatNeverFillsIsPassedAfterTheGrace() {
            SeqHorizon horizon = new SeqHorizon(java.time.Duration.ofSeconds(5));
            assertThat(horizon.advance(3, List.of(6L), t0)).isEqualTo(3);
            assertThat(horizon.advance(3, List.of(6L, 9L), t0.plusSeconds(5))).isEqualTo(6);
            // The next hole gets its own grace.
            assertThat(horizon.advance(6, List.of(9L), t0.plusSeconds(6))).isEqualTo(6);
        }
    }
}
