package org.tc260watch.notifier.readmodel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.notifier.web.InvalidRequestException;

/**
 * The filters of the change feed, the catalogue and the web page, read from query parameters: OR within one
 * parameter, AND across parameters, an empty list filters nothing. Values are normalised here, once: change types to
 * wire names, kinds to {@link ItemKind} names, stages to {@link Stage} names, topics to tag names, so that the
 * queries and {@link #canonical()} (ETags, feed links) see one spelling. Whether a topic exists is for the query to
 * say ({@link ChangeQuery}), since the tags come from an editable rule file.
 *
 * @param types  change types (wire names, e.g. {@code standard.published})
 * @param kinds  {@link ItemKind} names
 * @param stages {@link Stage} names, the stage after the change
 * @param topics topic tags
 * @param q      free text, normalised (full-width folded, lower case): found in the title, a former title, an
 *               identifier or a key; null for none
 */
public record ChangeFilter(List<String> types, List<String> kinds, List<String> stages, List<String> topics, String q) {

    public static final ChangeFilter NONE = new ChangeFilter(List.of(), List.of(), List.of(), List.of(), null);

    /** Longest accepted {@code q}. */
    public static final int MAX_QUERY_LENGTH = 200;

    public ChangeFilter {
        types = List.copyOf(types);
        kinds = List.copyOf(kinds);
        stages = List.copyOf(stages);
        topics = List.copyOf(topics);
    }

    /**
     * From raw query parameters: each list element may itself be comma-separated ({@code type=a,b} ≡
     * {@code type=a&type=b}); null means absent.
     *
     * @throws InvalidRequestException naming the parameter and the accepted values
     */
    public static ChangeFilter of(List<String> type, List<String> kind, List<String> stage, List<String> topic,
            String q) {
        return new ChangeFilter(
                parse("type", type, ChangeFilter::changeType, Arrays.stream(ChangeType.values())
                        .map(ChangeType::wireName).toList()),
                parse("kind", kind, ChangeFilter::kind, Arrays.stream(ItemKind.values()).map(Enum::name).toList()),
                parse("stage", stage, ChangeFilter::stage, Arrays.stream(Stage.values()).map(Enum::name).toList()),
                parse("topic", topic, ChangeFilter::topic, List.of()),
                query(q));
    }

    /** A stable text of the filter: the same filter always gives the same text, whatever the parameter order. */
    public String canonical() {
        return "type=" + String.join(",", types) + "&kind=" + String.join(",", kinds) + "&stage="
                + String.join(",", stages) + "&topic=" + String.join(",", topics) + "&q=" + (q == null ? "" : q);
    }

    /**
     * The filter as a URL query ({@code type=…&topic=…}, no leading {@code ?}), values percent-encoded, in a stable
     * order: the links of the web page and the feeds that keep a filter. Empty for no filter.
     */
    public String toQuery() {
        List<String> parts = new ArrayList<>();
        types.forEach(v -> parts.add("type=" + encode(v)));
        kinds.forEach(v -> parts.add("kind=" + encode(v)));
        stages.forEach(v -> parts.add("stage=" + encode(v)));
        topics.forEach(v -> parts.add("topic=" + encode(v)));
        if (q != null) {
            parts.add("q=" + encode(q));
        }
        return String.join("&", parts);
    }

    /** For people: {@code type: standard.published; topic: ai-safety}. Empty for no filter. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!types.isEmpty()) {
            parts.add("type: " + String.join(", ", types));
        }
        if (!kinds.isEmpty()) {
            parts.add("kind: " + String.join(", ", kinds));
        }
        if (!stages.isEmpty()) {
            parts.add("stage: " + String.join(", ", stages));
        }
        if (!topics.isEmpty()) {
            parts.add("topic: " + String.join(", ", topics));
        }
        if (q != null) {
            parts.add("q: " + q);
        }
        return String.join("; ", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public boolean isEmpty() {
        return types.isEmpty() && kinds.isEmpty() && stages.isEmpty() && topics.isEmpty() && q == null;
    }

    /** The same filter without change types: for the catalogue, where there are standards, not changes. */
    public ChangeFilter withoutTypes() {
        return new ChangeFilter(List.of(), kinds, stages, topics, q);
    }

    /** Normalised as stored in the search text: full-width folded, lower case. */
    public static String searchable(String text) {
        return TextNormaliser.normalise(text).toLowerCase(Locale.ROOT);
    }

    private static List<String> parse(String name, List<String> raw, Function<String, String> normalise,
            Collection<String> accepted) {
        if (raw == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String element : raw) {
            if (element == null) {
                continue;
            }
            for (String part : element.split(",")) {
                String value = part.strip();
                if (value.isEmpty()) {
                    continue;
                }
                String normalised = normalise.apply(value);
                if (normalised == null) {
                    throw new InvalidRequestException(name + ": unknown value '" + value + "'; one of "
                            + String.join(", ", accepted));
                }
                values.add(normalised);
            }
        }
        // Sorted and distinct: one canonical form for the same filter.
        return List.copyOf(values.stream().collect(Collectors.toCollection(TreeSet::new)));
    }

    /** A wire name ({@code standard.published}) or an enum name ({@code PUBLISHED}), in any case. */
    private static String changeType(String value) {
        for (String candidate : List.of(value.toLowerCase(Locale.ROOT), value.toUpperCase(Locale.ROOT))) {
            try {
                return ChangeType.fromWireName(candidate).wireName();
            } catch (IllegalArgumentException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static String kind(String value) {
        String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(ItemKind.values()).map(Enum::name).filter(name::equals).findFirst().orElse(null);
    }

    private static String stage(String value) {
        return Stage.fromText(value.replace('-', '_')).map(Enum::name).orElse(null);
    }

    private static String topic(String value) {
        return searchable(value);
    }

    private static String query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = searchable(q.strip());
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidRequestException("q: at most " + MAX_QUERY_LENGTH + " characters");
        }
        return text;
    }
}
