package org.tc260watch.notifier.subscription;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.web.InvalidRequestException;

/**
 * A subscriber's settings as a request gives them, checked and in canonical form. Every part is optional: a null part
 * leaves the subscription's current value as it is (a new subscription starts from no filters, INSTANT, both).
 *
 * @param filters  words and identifiers normalised ({@link TextNormaliser}), enum values by name, change types by
 *                 wire name; blanks and repeats dropped
 */
public record Preferences(Filters filters, DeliveryMode delivery, MailLanguage language) {

    public static final int MAX_ENTRIES = 20;
    public static final int MAX_ENTRY_LENGTH = 100;

    /** Nothing to change. */
    public static final Preferences UNCHANGED = new Preferences(null, null, null);

    /**
     * @throws InvalidRequestException naming the first bad part
     */
    public static Preferences of(Filters filters, String delivery, String language) {
        return new Preferences(filters == null ? null : checked(filters), delivery(delivery), language(language));
    }

    /**
     * The same preferences, with topic tags checked against the rule file (the tags are data, not an enum, so this
     * check needs the tagger) and spelled as the rules spell them.
     *
     * @throws InvalidRequestException naming the first unknown tag and the known ones
     */
    public Preferences withKnownTopics(TopicTagger tagger) {
        if (filters == null) {
            return this;
        }
        List<String> topics = filters.topics().stream().map(t -> {
            if (!tagger.isKnown(t)) {
                throw new InvalidRequestException("filters.topics: unknown value '" + t + "'; one of "
                        + String.join(", ", tagger.knownTags()));
            }
            return TopicTagger.normalise(t);
        }).distinct().toList();
        Filters f = filters;
        return new Preferences(new Filters(f.keywords(), topics, f.kinds(), f.stages(), f.idPrefixes(),
                f.changeTypes()), delivery, language);
    }

    public void applyTo(Subscription subscription) {
        if (filters != null) {
            subscription.filters = filters;
        }
        if (delivery != null) {
            subscription.deliveryMode = delivery;
        }
        if (language != null) {
            subscription.language = language;
        }
    }

    private static Filters checked(Filters f) {
        return new Filters(
                text("keywords", f.keywords()),
                text("topics", f.topics()),
                named("kinds", f.kinds(), ItemKind.class, ItemKind::name),
                named("stages", f.stages(), Stage.class, Stage::name),
                text("idPrefixes", f.idPrefixes()),
                values("changeTypes", f.changeTypes(), Preferences::changeType));
    }

    private static List<String> text(String list, List<String> entries) {
        return values(list, entries, Function.identity());
    }

    private static <E extends Enum<E>> List<String> named(String list, List<String> entries, Class<E> type,
            Function<E, String> canonical) {
        return values(list, entries, entry -> {
            try {
                return canonical.apply(Enum.valueOf(type, entry.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw unknown("filters." + list, entry, type.getEnumConstants(), canonical);
            }
        });
    }

    private static String changeType(String entry) {
        try {
            return ChangeType.fromWireName(entry.toLowerCase(Locale.ROOT).contains(".")
                    ? entry.toLowerCase(Locale.ROOT) : entry.toUpperCase(Locale.ROOT)).wireName();
        } catch (IllegalArgumentException e) {
            throw unknown("filters.changeTypes", entry, ChangeType.values(), ChangeType::wireName);
        }
    }

    /** Counts, normalises, bounds and converts the entries of one list; drops blanks and repeats. */
    private static List<String> values(String list, List<String> entries, Function<String, String> convert) {
        if (entries.size() > MAX_ENTRIES) {
            throw new InvalidRequestException("filters." + list + " has " + entries.size() + " entries; at most "
                    + MAX_ENTRIES + " are allowed");
        }
        Set<String> result = new LinkedHashSet<>();
        for (String raw : entries) {
            String entry = TextNormaliser.normalise(raw);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.codePointCount(0, entry.length()) > MAX_ENTRY_LENGTH) {
                throw new InvalidRequestException("filters." + list + ": an entry is longer than " + MAX_ENTRY_LENGTH
                        + " characters: '" + entry.substring(0, entry.offsetByCodePoints(0, 20)) + "…'");
            }
            result.add(convert.apply(entry));
        }
        return List.copyOf(result);
    }

    private static DeliveryMode delivery(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DeliveryMode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unknown("delivery", text, DeliveryMode.values(), DeliveryMode::name);
        }
    }

    private static MailLanguage language(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MailLanguage.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw unknown("language", text, MailLanguage.values(), MailLanguage::wireName);
        }
    }

    private static <E> InvalidRequestException unknown(String what, String value, E[] known, Function<E, String> name) {
        return new InvalidRequestException(what + ": unknown value '" + value + "'; one of "
                + Arrays.stream(known).map(name).collect(Collectors.joining(", ")));
    }
}
