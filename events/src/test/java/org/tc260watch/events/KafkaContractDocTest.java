package org.tc260watch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/kafka-contract.md} says what the topic holds: its examples are valid records of every change type, with
 * the headers their JSON implies, and the Java consumer it shows is the one in {@code docs/examples} (which
 * {@code e2e/KafkaContractIT} runs).
 */
class KafkaContractDocTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

    /** One fenced block of the page. */
    record Block(String language, String text) {
    }

    static List<Block> blocks() throws IOException {
        Matcher m = FENCE.matcher(Files.readString(DOCS.resolve("kafka-contract.md")));
        List<Block> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2)));
        }
        return blocks;
    }

    @Test
    void everyJsonExampleIsAValidChangeWithTheHeadersItsJsonImpliesAndEveryTypeHasOne() throws IOException {
        List<Block> blocks = blocks();
        List<ChangeType> shown = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).language().equals("json")) {
                continue;
            }
            JsonNode json = EventJson.mapper().readTree(blocks.get(i).text());
            String what = json.path("type").asText() + " " + json.path("id").asText();
            assertThat(EventSchemas.validate(EventSchemas.CHANGE, json)).as(what).isEmpty();
            ChangeEvent change = EventJson.mapper().treeToValue(json, ChangeEvent.class);
            shown.add(change.type());

            assertThat(i).as(what + ": headers block before it").isPositive();
            Map<String, String> headers = headers(blocks.get(i - 1));
            List<String> names = new ArrayList<>(ChangeCloudEvents.HEADERS);
            names.add(0, "key");
            assertThat(headers).as(what).containsOnlyKeys(names);
            assertThat(headers.get("key")).as(what).isEqualTo(change.standardKey());
            assertThat(headers.get(ChangeCloudEvents.SPEC_VERSION_HEADER)).isEqualTo(ChangeCloudEvents.SPEC_VERSION);
            assertThat(headers.get(ChangeCloudEvents.ID_HEADER)).as(what).isEqualTo(change.id());
            assertThat(headers.get(ChangeCloudEvents.TYPE_HEADER)).as(what).isEqualTo(ChangeCloudEvents.type(change.type()));
            assertThat(headers.get(ChangeCloudEvents.SOURCE_HEADER)).as(what).isEqualTo(ChangeCloudEvents.SOURCE);
            assertThat(headers.get(ChangeCloudEvents.SUBJECT_HEADER)).as(what).isEqualTo(change.standardKey());
            assertThat(OffsetDateTime.parse(headers.get(ChangeCloudEvents.TIME_HEADER)).toInstant()).as(what)
                    .isEqualTo(change.detectedAt());
            assertThat(headers.get(ChangeCloudEvents.DATA_SCHEMA_HEADER)).as(what).isEqualTo(ChangeCloudEvents.DATA_SCHEMA);
            assertThat(headers.get(ChangeCloudEvents.CONTENT_TYPE_HEADER)).as(what).isEqualTo(ChangeCloudEvents.CONTENT_TYPE);
        }
        assertThat(shown).as("one example per change type").containsExactlyInAnyOrder(ChangeType.values());
    }

    @Test
    void theJavaConsumerShownIsTheOneInExamples() throws IOException {
        List<String> java = blocks().stream().filter(b -> b.language().equals("java")).map(Block::text).toList();

        assertThat(java).containsExactly(Files.readString(DOCS.resolve("examples/ChangeFeedConsumer.java")));
    }

    @Test
    void theTopicAndSchemaNamedAreTheRealOnes() throws IOException {
        String page = Files.readString(DOCS.resolve("kafka-contract.md"));

        assertThat(page).contains("# The public Kafka contract: `" + Topics.CHANGES + "`", "`" + Topics.STANDARDS + "`",
                ChangeCloudEvents.DATA_SCHEMA, "`" + ChangeCloudEvents.TYPE_PREFIX + "`");
        assertThat(Arrays.stream(ChangeType.values()).map(t -> "### `" + t.wireName() + "`"))
                .allSatisfy(heading -> assertThat(page).contains(heading));
    }

    /** A headers block: {@code name: value} per line, as a record's key and headers are shown. */
    private static Map<String, String> headers(Block block) {
        assertThat(block.language()).isEqualTo("text");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.text().split("\n")) {
            int colon = line.indexOf(": ");
            assertThat(colon).as(line).isPositive();
            assertThat(headers.put(line.substring(0, colon), line.substring(colon + 2))).as("twice: " + line).isNull();
        }
        return headers;
    }
}
