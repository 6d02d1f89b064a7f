package org.tc260watch.differ.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tc260watch.events.StandardId;
import org.tc260watch.events.TextNormaliser;

/**
 * Standard keys: the canonical national number when known, else the plan number, else the TC260 document number
 * (PG/TR/TC260-NNN), else a key made of the normalised title ({@link IdentityResolver} decides which standard an item
 * speaks of).
 */
public final class StandardKeys {

    /** Prefix of keys derived from titles, for items that carry no identifier yet. */
    public static final String TITLE_KEY_PREFIX = "title:";
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("\\s*\\(([^()]+)\\)$");

    private StandardKeys() {
    }

    /** The identifier that names the standard best; placeholders ("no number yet") never do. */
    static Optional<StandardId> bestId(List<String> canonicalIds) {
        return realIds(canonicalIds).stream().min(Comparator.comparingInt(id -> id.type().ordinal()));
    }

    /** The identifiers that name a standard, in their order: placeholders ("GB/T XXXXX-XXXX") left out. */
    static List<StandardId> realIds(List<String> canonicalIds) {
        return canonicalIds.stream()
                .map(StandardId::parse)
                .flatMap(Optional::stream)
                .filter(id -> !id.placeholder())
                .toList();
    }

    /**
     * Title key: 《》, white space and draft suffixes removed, full-width forms folded, and the 2024 domain prefix
     * rename undone (信息安全技术 titles became 网络安全技术 ones when the committee was renamed), so that a draft announced
     * under the old prefix and published under the new one is one standard.
     */
    public static String titleKey(String title) {
        String t = displayTitle(title)
                .replaceAll("\\s", "")
                .replaceFirst("^信息安全技术", "网络安全技术");
        return TITLE_KEY_PREFIX + t;
    }

    /**
     * The title as a standard's own name: normalised, without 《》, without a draft-stage suffix, since "（报批稿）"
     * names a document of the standard, not the standard (a new draft stage is a stage change, not a new title), and
     * without its identifier in trailing brackets ("…防护指引（TC260-PG-20266A）"): the practice-guide list writes it, a
     * batch notice of the same guide does not, and the two must not take turns as the title.
     */
    public static String displayTitle(String title) {
        String t = TextNormaliser.normalise(title)
                .replaceAll("[《》]", "")
                .replaceAll("\\s*[(]?(征求意见稿|送审稿|报批稿|草案)[)]?$", "")
                .strip();
        Matcher bracketed = TRAILING_BRACKETS.matcher(t);
        if (bracketed.find() && bracketed.start() > 0 && StandardId.parse(bracketed.group(1)).isPresent()) {
            t = t.substring(0, bracketed.start()).strip();
        }
        return t;
    }
}
