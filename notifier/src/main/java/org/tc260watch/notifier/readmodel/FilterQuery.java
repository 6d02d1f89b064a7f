package org.tc260watch.notifier.readmodel;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.web.InvalidRequestException;

/**
 * A {@link ChangeFilter} as a JPQL condition over the facets columns that changes and standards share ({@code kind},
 * {@code stage}, {@code topics}, {@code searchText}; {@code type} for changes). One place, so the catalogue, the feeds
 * and the web page filter alike.
 */
final class FilterQuery {

    /** LIKE escape character; not a backslash, which PostgreSQL and H2 read differently in literals. */
    private static final char ESCAPE = '!';

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();

    /**
     * @param withTypes whether the entity has a change type (changes do, standards do not)
     * @throws InvalidRequestException for a topic the rules do not know
     */
    FilterQuery(ChangeFilter filter, TopicTagger tagger, boolean withTypes) {
        for (String topic : filter.topics()) {
            if (!tagger.knownTags().contains(topic)) {
                throw new InvalidRequestException("topic: unknown value '" + topic + "'; one of "
                        + String.join(", ", tagger.knownTags()));
            }
        }
        if (withTypes && !filter.types().isEmpty()) {
            and("type in :types", "types", filter.types());
        }
        if (!filter.kinds().isEmpty()) {
            and("kind in :kinds", "kinds", filter.kinds());
        }
        if (!filter.stages().isEmpty()) {
            and("stage in :stages", "stages", filter.stages());
        }
        if (!filter.topics().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (int i = 0; i < filter.topics().size(); i++) {
                any.add("topics like :topic" + i);
                parameters.and("topic" + i, "%," + filter.topics().get(i) + ",%");
            }
            where.append(" and (").append(String.join(" or ", any)).append(")");
        }
        if (filter.q() != null) {
            and("searchText like :q escape '" + ESCAPE + "'", "q", "%" + escapeLike(filter.q()) + "%");
        }
    }

    FilterQuery and(String condition, String name, Object value) {
        where.append(" and ").append(condition);
        parameters.and(name, value);
        return this;
    }

    String where() {
        return where.toString();
    }

    Parameters parameters() {
        return parameters;
    }

    private static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
