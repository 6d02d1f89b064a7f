package org.tc260watch.notifier.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.delivery.DeliveryOutbox;
import org.tc260watch.notifier.readmodel.StoredChange;

/**
 * The standards open for comment whose period ends soon, for the digests' "closing soon" section. Read from the latest
 * stored state of each standard: the state in its most recent change (by origin key, so a standard whose key migrated
 * counts once, with its newest state).
 */
@ApplicationScoped
public class ClosingSoon {

    private record Cached(long lastSeq, LocalDate from, LocalDate to, List<StandardState> states) {
    }

    /** Every digest of one run asks the same question; the answer holds until another change is stored. */
    private volatile Cached cached;

    /** Open for comment (or stage unknown), not seen closed, and the deadline within [from, to]. */
    @Transactional
    public List<StandardState> between(LocalDate from, LocalDate to) {
        Long lastSeq = StoredChange.getEntityManager()
                .createQuery("select max(c.seq) from StoredChange c", Long.class).getSingleResult();
        long last = lastSeq == null ? 0 : lastSeq;
        Cached c = cached;
        if (c != null && c.lastSeq() == last && c.from().equals(from) && c.to().equals(to)) {
            return c.states();
        }
        List<StandardState> found = select(latestStates(), from, to);
        cached = new Cached(last, from, to, found);
        return found;
    }

    static List<StandardState> select(List<StandardState> latest, LocalDate from, LocalDate to) {
        List<StandardState> open = new ArrayList<>();
        for (StandardState s : latest) {
            boolean commentStage = s.stage() == null || s.stage() == Stage.COMMENT_DRAFT;
            if (commentStage && s.commentClosed() == null && s.commentEnd() != null && !s.commentEnd().isBefore(from)
                    && !s.commentEnd().isAfter(to)) {
                open.add(s);
            }
        }
        return List.copyOf(open);
    }

    /** The newest state of every standard among the stored changes. */
    private static List<StandardState> latestStates() {
        List<StoredChange> rows = StoredChange.getEntityManager().createQuery("""
                        select c from StoredChange c where c.seq in (
                            select max(c2.seq) from StoredChange c2 where c2.standardKey is not null
                            group by c2.standardKey)
                        order by c.seq""", StoredChange.class)
                .getResultList();
        // Ordered by seq: a later state of the same origin replaces an earlier one (an old key's last change).
        Map<String, StandardState> byOrigin = new HashMap<>();
        for (StoredChange row : rows) {
            ChangeEvent change = DeliveryOutbox.read(row.payload);
            if (change.state() != null && !change.type().aboutSource()) {
                byOrigin.put(change.state().originKey(), change.state());
            }
        }
        return List.copyOf(byOrigin.values());
    }
}
