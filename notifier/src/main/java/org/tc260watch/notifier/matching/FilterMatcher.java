package org.tc260watch.notifier.matching;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.TextNormaliser;
import org.tc260watch.notifier.subscription.Filters;

/**
 * Whether a change is one a subscriber asked for. Pure: the same filters and change give the same answer, whatever the
 * time or the database. The semantics are those of {@link Filters}: OR within a list, AND across lists, an empty list
 * filters nothing.
 * <ul>
 * <li>{@code keywords}: occurs in the title, a former title, an identifier or the key (case-insensitive, full-width
 * folded);</li>
 * <li>{@code topics}: a tag of the standard ({@link TopicTagger});</li>
 * <li>{@code kinds}: {@code state.kind} ({@link org.tc260watch.events.ItemKind} name);</li>
 * <li>{@code stages}: {@code state.stage} after the change (name, Chinese or English label);</li>
 * <li>{@code idPrefixes}: an identifier or the key starts with it, case-insensitive, spaces and dashes ignored
 * ({@code gb/t35273} ≡ {@code GB/T 35273});</li>
 * <li>{@code changeTypes}: the change type's wire name ({@code standard.published}) or enum name.</li>
 * </ul>
 * A filter on the standard (anything but {@code changeTypes}) never matches a change that carries no state.
 */
@Singleton
public class FilterMatcher {

    /** Spaces and every dash a standard number is written with (ASCII, hyphen, en/em dash, full-width). */
    private static final Pattern ID_NOISE = Pattern.compile("[\\s\\-\\u2010-\\u2015\\uFE58\\uFE63\\uFF0D]+");

    private final TopicTagger tagger;

    public FilterMatcher(TopicTagger tagger) {
        this.tagger = tagger;
    }

    /** For a change: every filter applies. */
    public boolean matches(Filters filters, ChangeEvent change) {
        return anyOrNone(filters.changeTypes(), t -> typeIs(change.type(), t))
                && matchesStandard(filters, change.state(), change.standardKey());
    }

    /**
     * For a standard's state alone, as in a digest's "closing soon" section: every filter but {@code changeTypes}
     * (which is about changes, not standards) applies.
     */
    public boolean matchesState(Filters filters, StandardState state) {
        return matchesStandard(filters, state, state == null ? null : state.key());
    }

    private boolean matchesStandard(Filters filters, StandardState state, String changeKey) {
        if (state == null) {
            return filters.keywords().isEmpty() && filters.topics().isEmpty() && filters.kinds().isEmpty()
                    && filters.stages().isEmpty()
                    && anyOrNone(filters.idPrefixes(), p -> changeKey != null && idNormalised(changeKey)
                            .startsWith(idNormalised(p)));
        }
        return anyOrNone(filters.keywords(), k -> containsKeyword(state, changeKey, k))
                && anyOrNone(filters.topics(), t -> tagger.tags(state).contains(TopicTagger.normalise(t)))
                && anyOrNone(filters.kinds(), k -> state.kind() != null && state.kind().name().equalsIgnoreCase(k.strip()))
                && anyOrNone(filters.stages(), s -> state.stage() != null && stage(s).filter(state.stage()::equals)
                        .isPresent())
                && anyOrNone(filters.idPrefixes(), p -> identifiers(state, changeKey).stream()
                        .anyMatch(id -> idNormalised(id).startsWith(idNormalised(p))));
    }

    /** An empty list does not filter; otherwise one element must match (blank elements are ignored). */
    private static boolean anyOrNone(List<String> wanted, Predicate<String> matches) {
        List<String> given = wanted.stream().filter(w -> w != null && !w.isBlank()).toList();
        return given.isEmpty() || given.stream().anyMatch(matches);
    }

    private static boolean typeIs(ChangeType type, String wanted) {
        String w = wanted.strip();
        return type.wireName().equalsIgnoreCase(w) || type.name().equalsIgnoreCase(w);
    }

    private static Optional<Stage> stage(String wanted) {
        return Stage.fromText(wanted);
    }

    private static boolean containsKeyword(StandardState state, String changeKey, String keyword) {
        String k = text(keyword);
        if (k.isEmpty()) {
            return false;
        }
        List<String> texts = new ArrayList<>(identifiers(state, changeKey));
        if (state.title() != null) {
            texts.add(state.title());
        }
        texts.addAll(state.titles());
        return texts.stream().anyMatch(t -> text(t).contains(k));
    }

    private static List<String> identifiers(StandardState state, String changeKey) {
        List<String> ids = new ArrayList<>(state.ids());
        if (state.key() != null) {
            ids.add(state.key());
        }
        if (changeKey != null) {
            ids.add(changeKey);
        }
        return ids;
    }

    private static String text(String s) {
        return TextNormaliser.normalise(s).toLowerCase(Locale.ROOT);
    }

    static String idNormalised(String id) {
        return ID_NOISE.matcher(text(id)).replaceAll("");
    }
}
