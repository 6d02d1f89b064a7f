package org.tc260watch.notifier.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.matching.TopicTagger;

/**
 * What the filters look at, for a change or a standard: computed once when it is stored, so that a read never
 * recomputes it (a feed entry stays what it was).
 *
 * @param kind       {@code ItemKind} name, null when unknown
 * @param stage      {@code Stage} name, null when unknown
 * @param title      current title
 * @param topics     topic tags as stored: {@code ,tag,tag,} (one LIKE {@code %,tag,%} finds one tag; {@code ,} for none)
 * @param searchText title, former titles, identifiers and keys, normalised as {@link ChangeFilter#searchable}
 */
public record Facets(String kind, String stage, String title, String topics, String searchText) {

    static final int MAX_TITLE = 2000;
    static final int MAX_TOPICS = 1000;
    static final int MAX_SEARCH_TEXT = 8000;

    /** Spaces and dashes, so that {@code gb/t35273} finds {@code GB/T 35273}. */
    private static final Pattern ID_NOISE = Pattern.compile("[\\s\\-\\u2010-\\u2015\\uFE58\\uFE63\\uFF0D]+");

    /**
     * @param state the standard's state (null for a change about a source)
     * @param keys  further keys it is known by (the key a change was published under)
     */
    public static Facets of(StandardState state, TopicTagger tagger, String... keys) {
        Set<String> texts = new LinkedHashSet<>();
        for (String key : keys) {
            addText(texts, key);
        }
        if (state == null) {
            return new Facets(null, null, null, ",", cut(String.join("\n", texts), MAX_SEARCH_TEXT));
        }
        addText(texts, state.key());
        state.previousKeys().forEach(k -> addText(texts, k));
        state.ids().forEach(id -> addText(texts, id));
        addText(texts, state.title());
        state.titles().forEach(t -> addText(texts, t));
        List<String> tags = tagger.tags(state);
        return new Facets(
                state.kind() == null ? null : state.kind().name(),
                state.stage() == null ? null : state.stage().name(),
                cut(state.title(), MAX_TITLE),
                cut(topicsColumn(tags), MAX_TOPICS),
                cut(String.join("\n", texts), MAX_SEARCH_TEXT));
    }

    /** The topics column back as a list. */
    public static List<String> topicList(String column) {
        List<String> tags = new ArrayList<>();
        if (column != null) {
            for (String tag : column.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag);
                }
            }
        }
        return tags;
    }

    static String topicsColumn(List<String> tags) {
        return "," + String.join(",", tags) + (tags.isEmpty() ? "" : ",");
    }

    private static void addText(Set<String> texts, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String searchable = ChangeFilter.searchable(text);
        texts.add(searchable);
        String compact = ID_NOISE.matcher(searchable).replaceAll("");
        if (!compact.equals(searchable)) {
            texts.add(compact);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
