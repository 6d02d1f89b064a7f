package org.tc260watch.notifier.readmodel;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.matching.TopicTagger;

/** Reads the catalogue of standards. Never writes. */
@ApplicationScoped
public class StandardQuery {

    /**
     * One page of the catalogue, by key.
     *
     * @param nextAfterKey where the next page starts: pass it as {@code afterKey}; null on the last page
     */
    public record StandardSlice(List<StoredStandard> items, String nextAfterKey) {
    }

    private final TopicTagger tagger;

    public StandardQuery(TopicTagger tagger) {
        this.tagger = tagger;
    }

    /** By its current key or any key it had. */
    public Optional<StoredStandard> byKey(String anyKey) {
        if (anyKey == null || anyKey.isBlank()) {
            return Optional.empty();
        }
        Optional<StoredStandard> current = StoredStandard.find("key", anyKey).firstResultOptional();
        if (current.isPresent()) {
            return current;
        }
        StandardAlias alias = StandardAlias.findById(anyKey);
        return alias == null ? Optional.empty() : StoredStandard.findByIdOptional(alias.origin);
    }

    /** Change types in the filter are ignored: a catalogue lists standards. */
    public StandardSlice page(ChangeFilter filter, String afterKey, int limit) {
        FilterQuery query = new FilterQuery(filter.withoutTypes(), tagger, false);
        if (afterKey != null) {
            query.and("key > :after", "after", afterKey);
        }
        List<StoredStandard> rows = StoredStandard.<StoredStandard>find(query.where(), Sort.ascending("key"),
                query.parameters()).range(0, limit).list();
        boolean more = rows.size() > limit;
        List<StoredStandard> page = more ? List.copyOf(rows.subList(0, limit)) : rows;
        return new StandardSlice(page, more ? page.get(page.size() - 1).key : null);
    }

    /** Comment periods still open on {@code today} (the deadline day included), soonest deadline first. */
    public List<StoredStandard> openForComment(LocalDate today) {
        return StoredStandard.list("commentEnd >= ?1 and commentClosed is null and (stage is null or stage <> ?2)",
                Sort.ascending("commentEnd", "key"), today, Stage.WITHDRAWN.name());
    }
}
