package org.tc260watch.notifier.subscription;

import java.util.List;

/**
 * What a subscriber wants to hear about. Every list is an OR within itself; the lists combine with AND; an empty list
 * does not filter. Matching is {@code delivery}'s business; this record only holds and normalises the choice.
 *
 * @param keywords    words that must occur in the title or an identifier (case-insensitive)
 * @param topics      topic tags of the standard (issue 6's rule file; until then matched against nothing but kept)
 * @param kinds       {@link org.tc260watch.events.ItemKind} names
 * @param stages      {@link org.tc260watch.events.Stage} names
 * @param idPrefixes  identifier prefixes such as {@code GB/T 35273} or {@code TC260-PG}
 * @param changeTypes change type wire names such as {@code standard.published}
 */
public record Filters(List<String> keywords, List<String> topics, List<String> kinds, List<String> stages,
        List<String> idPrefixes, List<String> changeTypes) {

    public static final Filters NONE = new Filters(null, null, null, null, null, null);

    public Filters {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        topics = topics == null ? List.of() : List.copyOf(topics);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        stages = stages == null ? List.of() : List.copyOf(stages);
        idPrefixes = idPrefixes == null ? List.of() : List.copyOf(idPrefixes);
        changeTypes = changeTypes == null ? List.of() : List.copyOf(changeTypes);
    }
}
