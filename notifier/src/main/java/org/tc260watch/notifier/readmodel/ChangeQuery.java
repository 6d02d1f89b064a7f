package org.tc260watch.notifier.readmodel;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tc260watch.notifier.matching.TopicTagger;

/** Reads stored changes: the feed pages, the stream's catch-up and a standard's history. Never writes. */
@ApplicationScoped
public class ChangeQuery {

    /**
     * One page, newest first.
     *
     * @param nextBeforeSeq where the next (older) page starts: pass it as {@code beforeSeq}; null on the last page
     */
    public record ChangeSlice(List<StoredChange> items, Long nextBeforeSeq) {
    }

    private final TopicTagger tagger;

    public ChangeQuery(TopicTagger tagger) {
        this.tagger = tagger;
    }

    /** @param beforeSeq only changes stored before this one; null for the newest */
    public ChangeSlice newestFirst(ChangeFilter filter, Long beforeSeq, int limit) {
        FilterQuery query = new FilterQuery(filter, tagger, true);
        if (beforeSeq != null) {
            query.and("seq < :before", "before", beforeSeq);
        }
        // One row more than asked tells whether an older page exists.
        List<StoredChange> rows = StoredChange.<StoredChange>find(query.where(), Sort.descending("seq"),
                query.parameters()).range(0, limit).list();
        boolean more = rows.size() > limit;
        List<StoredChange> page = more ? List.copyOf(rows.subList(0, limit)) : rows;
        return new ChangeSlice(page, more ? page.get(page.size() - 1).seq : null);
    }

    /** Changes stored after {@code afterSeq}, oldest first: what a resumed stream has missed. */
    public List<StoredChange> oldestFirstAfter(ChangeFilter filter, long afterSeq, int limit) {
        FilterQuery query = new FilterQuery(filter, tagger, true).and("seq > :after", "after", afterSeq);
        return StoredChange.<StoredChange>find(query.where(), Sort.ascending("seq"), query.parameters())
                .range(0, limit - 1).list();
    }

    /**
     * Sequence numbers stored after {@code afterSeq}, ascending, whatever the filter: the holes are what
     * {@link SeqHorizon} needs.
     */
    public List<Long> arrivedAfter(long afterSeq, int limit) {
        return StoredChange.getEntityManager()
                .createQuery("select c.seq from StoredChange c where c.seq > :after order by c.seq", Long.class)
                .setParameter("after", afterSeq).setMaxResults(limit).getResultList();
    }

    public Optional<StoredChange> byId(String id) {
        return StoredChange.findByIdOptional(id);
    }

    /** A standard's changes, oldest first, under any key it had (its current key, previous and merged-away keys). */
    public List<StoredChange> historyOf(StoredStandard standard) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(standard.key);
        keys.add(standard.origin);
        keys.addAll(standard.state().previousKeys());
        StandardAlias.<StandardAlias>list("origin", standard.origin).forEach(a -> keys.add(a.key));
        return StoredChange.list("standardKey in ?1", Sort.ascending("seq"), List.copyOf(keys));
    }

    /** The highest stored sequence number; 0 when nothing is stored. */
    public long lastSeq() {
        Long max = StoredChange.getEntityManager().createQuery("select max(seq) from StoredChange", Long.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }
}
