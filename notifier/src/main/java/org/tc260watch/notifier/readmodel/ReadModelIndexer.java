package org.tc260watch.notifier.readmodel;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.matching.TopicTagger;

/**
 * Gives the changes stored before the read model had facets (a database from before migration V5) their facets, once,
 * at start-up, so that the filters find them too. Later changes get theirs when stored ({@link ChangeRecorder}).
 */
@ApplicationScoped
public class ReadModelIndexer {

    private static final Logger LOG = Logger.getLogger(ReadModelIndexer.class);
    private static final int BATCH = 500;

    private final TopicTagger tagger;

    public ReadModelIndexer(TopicTagger tagger) {
        this.tagger = tagger;
    }

    void onStart(@Observes StartupEvent start) {
        int total = 0;
        for (int done; (done = indexBatch()) > 0; ) {
            total += done;
        }
        if (total > 0) {
            LOG.infof("Indexed %d changes stored before the read model had filters", total);
        }
    }

    /** @return how many changes it indexed (0: none left) */
    @Transactional
    int indexBatch() {
        List<StoredChange> rows = StoredChange.<StoredChange>find("searchText is null").range(0, BATCH - 1).list();
        for (StoredChange row : rows) {
            row.index(Facets.of(row.event().state(), tagger, row.standardKey));
        }
        return rows.size();
    }
}
