package org.tc260watch.notifier.matching;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.config.RuleFile;

/**
 * The topic tags of a standard, from the rules in {@code topics.properties} (or the operator's copy named by
 * {@code notifier.topics.file}); docs/topics.md explains the format. The one place that knows what a topic is: filters,
 * mails, feeds and the web page ask this class for tags, their labels and their descriptions.
 */
@Singleton
public class TopicTagger {

    /** The rule file on the class path. */
    public static final String RULES = "topics.properties";

    private static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> ATTRIBUTES = Set.of("zh", "en", "description", "keywords", "ignore", "within",
            "parent");

    /**
     * A tag and what people read about it.
     *
     * @param parent the tag every standard with this one carries too, or null
     */
    public record Topic(String tag, String zh, String en, String description, String parent) {
    }

    /** One tag's matching rule, keywords already normalised. */
    private record Rule(Topic topic, List<String> keywords, List<String> ignore, String within) {
    }

    private final Map<String, Rule> rules;
    private final List<String> series;
    private final List<String> order;

    /** The shipped rules. */
    public TopicTagger() {
        this(RuleFile.fromClassPath(RULES), "classpath:" + RULES);
    }

    /** The operator's rule file when {@code notifier.topics.file} is set, else the shipped rules. */
    @Inject
    public TopicTagger(NotifierConfig config) {
        this(config.topics().file());
    }

    /** The rules in {@code file}, or the shipped rules when empty. */
    public TopicTagger(Optional<Path> file) {
        this(file.map(RuleFile::fromFile).orElseGet(() -> RuleFile.fromClassPath(RULES)),
                file.map(Path::toString).orElse("classpath:" + RULES));
    }

    private TopicTagger(Properties file, String source) {
        List<String> tags = list(file.getProperty("tags"));
        if (tags.isEmpty()) {
            throw invalid(source, "it declares no tags (key 'tags')");
        }
        for (String key : file.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            boolean known = key.equals("tags") || key.equals("series")
                    || dot > 0 && tags.contains(key.substring(0, dot)) && ATTRIBUTES.contains(key.substring(dot + 1));
            if (!known) {
                throw invalid(source, "unknown key '" + key + "' (a tag not listed in 'tags', or an attribute other "
                        + "than " + String.join(", ", ATTRIBUTES.stream().sorted().toList()) + ")");
            }
        }
        Map<String, Rule> byTag = new LinkedHashMap<>();
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw invalid(source, "tag '" + tag + "' is not lower-case letters and digits joined by dashes");
            }
            if (byTag.containsKey(tag)) {
                throw invalid(source, "tag '" + tag + "' is listed twice");
            }
            Topic topic = new Topic(tag, required(file, source, tag, "zh"), required(file, source, tag, "en"),
                    required(file, source, tag, "description"), reference(file, source, tags, tag, "parent"));
            byTag.put(tag, new Rule(topic, normalised(file.getProperty(tag + ".keywords")),
                    normalised(file.getProperty(tag + ".ignore")), reference(file, source, tags, tag, "within")));
        }
        this.rules = Map.copyOf(byTag);
        this.order = List.copyOf(tags);
        // Longest first, so that 信息技术 安全技术 is cut off before a shorter series name it might start with.
        this.series = normalised(file.getProperty("series")).stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String tag : tags) {
            checkAcyclic(tag, "parent", t -> rules.get(t).topic().parent(), source);
            checkAcyclic(tag, "within", t -> rules.get(t).within(), source);
        }
    }

    /** Rules from text in the rule file format (for tests and tools). */
    public static TopicTagger fromRules(String text) {
        return new TopicTagger(RuleFile.fromText(text), "text");
    }

    /** Every tag the rules know, in file order. */
    public List<String> knownTags() {
        return order;
    }

    /** Whether a tag (in any case, spaces around it ignored) is one of {@link #knownTags()}. */
    public boolean isKnown(String tag) {
        return tag != null && rules.containsKey(normalise(tag));
    }

    /** Every tag with its labels and description, in file order. */
    public List<Topic> topics() {
        return order.stream().map(t -> rules.get(t).topic()).toList();
    }

    /** A tag's labels and description; empty for an unknown tag. */
    public Optional<Topic> topic(String tag) {
        return tag == null ? Optional.empty() : Optional.ofNullable(rules.get(normalise(tag))).map(Rule::topic);
    }

    /** The tags of a standard in file order, parents included; empty for a state-less change. */
    public List<String> tags(StandardState state) {
        if (state == null) {
            return List.of();
        }
        List<String> titles = new ArrayList<>();
        if (state.title() != null) {
            titles.add(state.title());
        }
        titles.addAll(state.titles());
        return tagsOfTitles(titles);
    }

    /** The tags of a title and its former titles, in file order, parents included. */
    public List<String> tagsOfTitles(List<String> titles) {
        List<String> texts = titles.stream().filter(t -> t != null).map(t -> withoutSeriesName(normalise(t))).toList();
        Map<String, Boolean> direct = new HashMap<>();
        Set<String> tags = new HashSet<>();
        for (String tag : order) {
            if (matches(tag, texts, direct)) {
                for (String t = tag; t != null; t = rules.get(t).topic().parent()) {
                    tags.add(t);
                }
            }
        }
        return order.stream().filter(tags::contains).toList();
    }

    /** Whether a tag's own rule (keywords, ignored phrases, {@code within}) matches; memoised in {@code done}. */
    private boolean matches(String tag, List<String> texts, Map<String, Boolean> done) {
        Boolean known = done.get(tag);
        if (known != null) {
            return known;
        }
        Rule rule = rules.get(tag);
        boolean result = (rule.within() == null || matches(rule.within(), texts, done))
                && texts.stream().anyMatch(text -> containsKeyword(blankOut(text, rule.ignore()), rule.keywords()));
        done.put(tag, result);
        return result;
    }

    private static String blankOut(String text, List<String> phrases) {
        String t = text;
        for (String phrase : phrases) {
            // A space keeps the words on either side apart, as they were.
            t = t.replace(phrase, " ");
        }
        return t;
    }

    private static boolean containsKeyword(String text, List<String> keywords) {
        return keywords.stream().anyMatch(k -> occurs(text, k));
    }

    /** Keywords are substrings, except that one starting or ending in an ASCII letter or digit keeps to word ends. */
    static boolean occurs(String text, String keyword) {
        for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
            int end = at + keyword.length();
            boolean startOk = !asciiWord(keyword.charAt(0)) || at == 0 || !asciiWord(text.charAt(at - 1));
            boolean endOk = !asciiWord(keyword.charAt(keyword.length() - 1)) || end == text.length()
                    || !asciiWord(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiWord(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private String withoutSeriesName(String title) {
        String t = title.startsWith("《") ? title.substring(1) : title;
        for (String name : series) {
            if (t.startsWith(name)) {
                return t.substring(name.length());
            }
        }
        return t;
    }

    /** The form tags and keywords are compared in: {@link TextNormaliser}, lower case. */
    public static String normalise(String text) {
        return TextNormaliser.normalise(text).toLowerCase(Locale.ROOT);
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static List<String> normalised(String value) {
        return list(value).stream().map(TopicTagger::normalise).filter(v -> !v.isEmpty()).toList();
    }

    private static String required(Properties file, String source, String tag, String attribute) {
        String value = file.getProperty(tag + "." + attribute);
        if (value == null || value.isBlank()) {
            throw invalid(source, "tag '" + tag + "' has no " + tag + "." + attribute);
        }
        return value.strip();
    }

    private static String reference(Properties file, String source, List<String> tags, String tag, String attribute) {
        String value = file.getProperty(tag + "." + attribute);
        if (value == null || value.isBlank()) {
            return null;
        }
        String other = value.strip();
        if (!tags.contains(other) || other.equals(tag)) {
            throw invalid(source, tag + "." + attribute + " names '" + other + "', which is not another listed tag");
        }
        return other;
    }

    private void checkAcyclic(String tag, String attribute, java.util.function.UnaryOperator<String> next,
            String source) {
        Set<String> seen = new LinkedHashSet<>();
        for (String t = tag; t != null; t = next.apply(t)) {
            if (!seen.add(t)) {
                throw invalid(source, "the '" + attribute + "' references go round in a circle: "
                        + String.join(" → ", seen) + " → " + t);
            }
        }
    }

    private static IllegalStateException invalid(String source, String problem) {
        return new IllegalStateException("topic rules " + source + " are invalid: " + problem
                + " (see docs/topics.md)");
    }
}
