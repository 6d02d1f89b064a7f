package org.tc260watch.notifier.readmodel;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.matching.TopicTagger;

/**
 * Keeps the stored facets ({@link Facets}) in step with the code and the topic rules, at start-up, so that no read
 * ever computes them:
 * <ul>
 * <li>changes stored before the read model had facets (a database from before migration V5) get theirs;</li>
 * <li>when the topic rules changed (an operator edited {@code notifier.topics.file}, or a new version ships new rules),
 * every change and standard is tagged again, once: a filter by topic then means the same thing for old and new
 * items.</li>
 * </ul>
 * Several instances starting together may both do it; the result is the same, and the one that records the
 * fingerprint second finds it recorded.
 */
@ApplicationScoped
public class ReadModelIndexer {

    private static final Logger LOG = Logger.getLogger(ReadModelIndexer.class);
    private static final int BATCH = 500;

    private final TopicTagger tagger;
    private final Event<ReadModelVersion.Written> written;

    public ReadModelIndexer(TopicTagger tagger, Event<ReadModelVersion.Written> written) {
        this.tagger = tagger;
        this.written = written;
    }

    void onStart(@Observes StartupEvent start) {
        reconcile();
    }

    /** Brings the stored facets in step with the code and the current topic rules. */
    public void reconcile() {
        if (tagger.fingerprint().equals(storedFingerprint())) {
            int total = 0;
            for (int done; (done = indexUnindexed()) > 0; ) {
                total += done;
            }
            if (total > 0) {
                written.fire(new ReadModelVersion.Written());
                LOG.infof("Indexed %d changes stored before the read model had filters", total);
            }
            return;
        }
        long changes = 0;
        for (Long after = -1L; after != null; ) {
            List<StoredChange> batch = reindexChanges(after);
            changes += batch.size();
            after = batch.size() < BATCH ? null : batch.get(batch.size() - 1).seq;
        }
        long standards = 0;
        for (String after = ""; after != null; ) {
            List<StoredStandard> batch = reindexStandards(after);
            standards += batch.size();
            after = batch.size() < BATCH ? null : batch.get(batch.size() - 1).origin;
        }
        try {
            remember(tagger.fingerprint());
        } catch (RuntimeException e) {
            // Another instance starting at the same moment recorded it first (the key is unique): same rules, same tags.
            if (!tagger.fingerprint().equals(storedFingerprint())) {
                throw e;
            }
        }
        written.fire(new ReadModelVersion.Written());
        if (changes + standards > 0) {
            LOG.infof("Topic rules changed: tagged %d changes and %d standards again", changes, standards);
        }
    }

    /** @return how many changes it indexed (0: none left) */
    @Transactional
    int indexUnindexed() {
        List<StoredChange> rows = StoredChange.<StoredChange>find("searchText is null").range(0, BATCH - 1).list();
        rows.forEach(this::index);
        return rows.size();
    }

    @Transactional
    List<StoredChange> reindexChanges(long afterSeq) {
        List<StoredChange> rows = StoredChange.<StoredChange>find("seq > ?1", Sort.ascending("seq"), afterSeq)
                .range(0, BATCH - 1).list();
        rows.forEach(this::index);
        return rows;
    }

    @Transactional
    List<StoredStandard> reindexStandards(String afterOrigin) {
        List<StoredStandard> rows = StoredStandard.<StoredStandard>find("origin > ?1", Sort.ascending("origin"),
                afterOrigin).range(0, BATCH - 1).list();
        rows.forEach(row -> row.index(Facets.of(row.state(), tagger, row.key)));
        return rows;
    }

    private void index(StoredChange row) {
        row.index(Facets.of(row.event().state(), tagger, row.standardKey));
    }

    @Transactional
    String storedFingerprint() {
        ReadModelMeta meta = ReadModelMeta.findById(ReadModelMeta.TOPIC_RULES);
        return meta == null ? null : meta.value;
    }

    @Transactional
    public void remember(String fingerprint) {
        ReadModelMeta meta = ReadModelMeta.findById(ReadModelMeta.TOPIC_RULES);
        if (meta == null) {
            meta = new ReadModelMeta();
            meta.key = ReadModelMeta.TOPIC_RULES;
        }
        meta.value = fingerprint;
        meta.persist();
    }
}
