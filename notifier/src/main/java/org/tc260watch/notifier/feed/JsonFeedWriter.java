package org.tc260watch.notifier.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link ChangeFeed} as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Each item carries the change as
 * stored in the extension {@code _tc260_watch} (described in the notifier README), so a program needs nothing but the feed.
 */
public final class JsonFeedWriter {

    public static final String MEDIA_TYPE = "application/feed+json";
    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeedWriter() {
    }

    /** The top-level object of a JSON Feed (the fields this service fills). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String version, String title,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            List<Author> authors,
            List<Item> items) {
    }

    record Author(String name, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(String id, String url, String title,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("date_published") String datePublished,
            List<String> tags,
            @JsonProperty("_tc260_watch") Extension extension) {
    }

    /**
     * @param seq    the change's sequence number (the SSE event id)
     * @param type   the change type's wire name
     * @param change the change JSON as stored
     */
    record Extension(long seq, String type, JsonNode change) {
    }

    public static String write(ChangeFeed feed) {
        Author author = new Author(ChangeFeed.AUTHOR, feed.home().toString());
        List<Item> items = feed.entries().stream().map(JsonFeedWriter::item).toList();
        try {
            return JSON.writeValueAsString(new Document(VERSION, feed.title(), feed.home().toString(),
                    feed.self().toString(), List.of(author), items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON feed " + feed.id(), e);
        }
    }

    private static Item item(FeedEntry e) {
        // A tag per topic, like Atom's categories; the change type is a tag too, so readers can filter on it.
        List<String> tags = new ArrayList<>();
        tags.add(e.type());
        tags.addAll(e.topics());
        return new Item(e.id(), e.link().toString(), e.title(), e.html(), e.updated().toString(), tags,
                new Extension(e.seq(), e.type(), parse(e)));
    }

    private static JsonNode parse(FeedEntry e) {
        try {
            return JSON.readTree(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored change " + e.changeId() + " is not JSON", ex);
        }
    }
}
