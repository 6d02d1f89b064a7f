package org.tc260watch.differ.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardId;
import org.tc260watch.events.TextNormaliser;

/**
 * Which standard an item speaks of: the canonical national number when known, else the plan number, else the TC260
 * document number (PG/TR/TC260-NNN), else a key made of the normalised title.
 */
public final class StandardKeys {

    /** Prefix of keys derived from titles, for items that carry no identifier yet. */
    public static final String TITLE_KEY_PREFIX = "title:";

    private StandardKeys() {
    }

    public static String keyOf(Snapshot snapshot) {
        return bestId(snapshot.standardIds())
                .map(StandardId::canonical)
                .orElseGet(() -> titleKey(snapshot.bookTitles().isEmpty() ? snapshot.title() : snapshot.bookTitles().get(0)));
    }

    /** The identifier that names the standard best; placeholders ("no number yet") never do. */
    static Optional<StandardId> bestId(List<String> canonicalIds) {
        return canonicalIds.stream()
                .map(StandardId::parse)
                .flatMap(Optional::stream)
                .filter(id -> !id.placeholder())
                .min(Comparator.comparingInt(id -> id.type().ordinal()));
    }

    /**
     * Title key: 《》, white space and draft suffixes removed, full-width forms folded, and the 2024 domain prefix
     * rename undone (信息安全技术 titles became 网络安全技术 ones when the committee was renamed), so that a draft announced
     * under the old prefix and published under the new one is one standard.
     */
    public static String titleKey(String title) {
        String t = TextNormaliser.normalise(title)
                .replaceAll("[《》\\s]", "")
                .replaceAll("[(]?(征求意见稿|送审稿|报批稿|草案)[)]?$", "")
                .replaceFirst("^信息安全技术", "网络安全技术");
        return TITLE_KEY_PREFIX + t;
    }
}
