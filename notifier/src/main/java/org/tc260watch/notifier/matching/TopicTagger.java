package org.tc260watch.notifier.matching;

import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.TextNormaliser;

/**
 * The topic tags of a standard, from the keyword rules in {@code topics.properties} ({@code tag = kw, kw, ...}): a tag
 * applies when one of its keywords occurs in the title or a former title. The one place that knows what a topic is,
 * so a better tagger (issue 6) replaces this class and nothing else.
 */
@Singleton
public class TopicTagger {

    /** The rule file on the class path. */
    public static final String RULES = "topics.properties";

    /**
     * Series names that begin nearly every TC260 title ({@code 信息安全技术} was renamed {@code 网络安全技术}): they say
     * nothing about the topic and would tag everything network-security.
     */
    private static final List<String> SERIES_NAMES = List.of("信息安全技术", "网络安全技术");

    private final Map<String, List<String>> keywordsByTag;
    private final List<String> order;

    public TopicTagger() {
        this(load(RULES));
    }

    /** @param keywordsByTag tag → keywords, in the order tags are to be shown */
    public TopicTagger(Map<String, List<String>> keywordsByTag) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        keywordsByTag.forEach((tag, keywords) -> rules.put(normalise(tag),
                keywords.stream().map(TopicTagger::normalise).filter(k -> !k.isEmpty()).toList()));
        this.keywordsByTag = Map.copyOf(rules);
        this.order = List.copyOf(rules.keySet());
    }

    /** Every tag the rules know, in file order. */
    public List<String> knownTags() {
        return order;
    }

    /** The tags of a standard in file order; empty for a state-less change. */
    public List<String> tags(StandardState state) {
        if (state == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        if (state.title() != null) {
            texts.add(withoutSeriesName(normalise(state.title())));
        }
        for (String title : state.titles()) {
            texts.add(withoutSeriesName(normalise(title)));
        }
        List<String> tags = new ArrayList<>();
        for (String tag : order) {
            if (keywordsByTag.get(tag).stream().anyMatch(k -> texts.stream().anyMatch(t -> t.contains(k)))) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static String withoutSeriesName(String title) {
        String t = title.startsWith("《") ? title.substring(1) : title;
        for (String series : SERIES_NAMES) {
            if (t.startsWith(series)) {
                return t.substring(series.length());
            }
        }
        return t;
    }

    static String normalise(String text) {
        return TextNormaliser.normalise(text).toLowerCase(Locale.ROOT);
    }

    /** Reads {@code tag = keyword, keyword} lines (UTF-8; {@code #} comments), keeping the file's order. */
    static Map<String, List<String>> load(String resource) {
        InputStream in = TopicTagger.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("topic rules " + resource + " are missing from the class path");
        }
        Map<String, List<String>> rules = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int eq = text.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(resource + " line " + number + " is not 'tag = keywords': " + line);
                }
                rules.put(text.substring(0, eq).strip(),
                        Arrays.stream(text.substring(eq + 1).split(",")).map(String::strip).filter(k -> !k.isEmpty())
                                .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rules;
    }
}
