package org.tc260watch.notifier.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.delivery.Delivery;
import org.tc260watch.notifier.delivery.DeliveryOutbox;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.delivery.MailQueue;
import org.tc260watch.notifier.delivery.MailRows;
import org.tc260watch.notifier.delivery.RowQueue;
import org.tc260watch.notifier.mail.MailComposer;
import org.tc260watch.notifier.mail.Recipient;
import org.tc260watch.notifier.matching.FilterMatcher;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.Subscription;
import org.tc260watch.notifier.subscription.SubscriptionStatus;

/**
 * The digest table. A run ({@link #collect}) makes one digest per digest subscriber with waiting deliveries and hands
 * those deliveries to it (BATCHED); the sender then sends each digest like a delivery: claimed, sent, marked, retried
 * with backoff, DEAD after the last attempt. A digest's deliveries follow it: SENT with it, DEAD with it.
 */
@ApplicationScoped
public class DigestOutbox extends RowQueue {

    private static final Logger LOG = Logger.getLogger(DigestOutbox.class);

    private final MailComposer composer;
    private final MailRows rows = new MailRows(Digest.class);
    private final ClosingSoon closingSoon;
    private final FilterMatcher matcher;
    private final int closingSoonDays;
    private final ZoneId zone;

    public DigestOutbox(MailComposer composer, ClosingSoon closingSoon, FilterMatcher matcher, NotifierConfig config) {
        this.composer = composer;
        this.closingSoon = closingSoon;
        this.matcher = matcher;
        this.closingSoonDays = config.digest().closingSoonDays();
        this.zone = config.digest().zone();
    }

    /**
     * Makes the digests of one run: for every active subscriber of the run's period with deliveries stored up to the
     * cutoff and not yet in a digest. One transaction per subscriber; a digest that exists already for the day (the run
     * was made before, or by another instance) is left alone.
     *
     * @return the digests made
     */
    public int collect(DigestSchedule.Run run, Instant now) {
        List<String> subscribers = QuarkusTransaction.requiringNew().call(() -> Delivery.getEntityManager()
                .createQuery("""
                        select distinct s.id from Delivery d join d.subscription s
                        where d.status = :pending and d.digestId is null and d.createdAt <= :cutoff
                          and s.status = :active and s.deliveryMode = :period""", String.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("cutoff", run.cutoff())
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setParameter("period", run.period())
                .getResultList());
        int made = 0;
        for (String subscriptionId : subscribers) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> collectFor(subscriptionId, run, now))) {
                    made++;
                }
            } catch (PersistenceException e) {
                // The unique key: another instance made it meanwhile.
                LOG.debugf("Digest %s %s of subscription %s exists already: %s", run.period(), run.date(),
                        subscriptionId, e.getMessage());
            }
        }
        return made;
    }

    private boolean collectFor(String subscriptionId, DigestSchedule.Run run, Instant now) {
        if (Digest.count("subscriptionId = ?1 and period = ?2 and runDate = ?3", subscriptionId, run.period(),
                run.date()) > 0) {
            return false;
        }
        Digest digest = new Digest();
        digest.subscriptionId = subscriptionId;
        digest.period = run.period();
        digest.runDate = run.date();
        digest.cutoff = run.cutoff();
        digest.status = DeliveryStatus.PENDING;
        digest.attempts = 0;
        digest.nextAttemptAt = now;
        digest.createdAt = now;
        digest.persistAndFlush();
        int rows = Delivery.update("""
                        digestId = ?1, status = ?2
                        where subscription.id = ?3 and status = ?4 and digestId is null and createdAt <= ?5""",
                digest.id, DeliveryStatus.BATCHED, subscriptionId, DeliveryStatus.PENDING, run.cutoff());
        LOG.infof("Digest %d (%s %s) of subscription %s: %d changes", digest.id, run.period(), run.date(),
                subscriptionId, rows);
        return true;
    }

    @Override
    protected MailRows rows() {
        return rows;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    @Transactional
    public List<Long> due(Instant now, int max) {
        return Digest.getEntityManager().createQuery("""
                        select g.id from Digest g, Subscription s
                        where s.id = g.subscriptionId and g.status = :pending and g.nextAttemptAt <= :now
                          and s.status = :active
                        order by g.nextAttemptAt, g.id""", Long.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    @Transactional
    public Optional<Claim> claim(long id, Instant now) {
        if (!rows.claim(id, now)) {
            return Optional.empty();
        }
        Digest digest = Digest.findById(id);
        Subscription subscription = Subscription.findById(digest.subscriptionId);
        Recipient to = composer.recipient(subscription);
        List<ChangeEvent> changes = Delivery.getEntityManager().createQuery("""
                        select c.payload from Delivery d join d.change c
                        where d.digestId = :digest order by c.seq""", String.class)
                .setParameter("digest", id)
                .getResultList().stream().map(DeliveryOutbox::read).toList();
        // As of the day the digest was made (its cutoff), not of the attempt: a retried digest says the same.
        LocalDate asOf = digest.cutoff.atZone(zone).toLocalDate();
        List<StandardState> closing = closingSoon.between(asOf, asOf.plusDays(closingSoonDays))
                .stream().filter(s -> matcher.matchesState(subscription.filters, s)).toList();
        DeliveryMode period = digest.period;
        LocalDate runDate = digest.runDate;
        String reference = "digest-" + id;
        return Optional.of(new Claim(id, digest.attempts,
                () -> composer.digest(reference, period, runDate, changes, closing, asOf, to),
                changes.stream().map(ChangeEvent::detectedAt).toList()));
    }

    /** Its deliveries are sent with it. */
    @Override
    protected void afterSent(long id, Instant at) {
        Delivery.update("status = ?1, sentAt = ?2 where digestId = ?3 and status = ?4",
                DeliveryStatus.SENT, at, id, DeliveryStatus.BATCHED);
    }

    /** Its deliveries die with it (and show in {@code GET /admin/deliveries?status=DEAD}). */
    @Override
    protected void afterDead(long id, String error) {
        Delivery.update("status = ?1, lastError = ?2 where digestId = ?3 and status = ?4", DeliveryStatus.DEAD,
                MailQueue.shortened("digest " + id + ": " + error), id, DeliveryStatus.BATCHED);
    }

    /** Revives a dead digest with all its deliveries, for an admin's resend; caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revive(long id, Instant now) {
        if (!rows.revive(id, now)) {
            return false;
        }
        Delivery.update("status = ?1 where digestId = ?2 and status = ?3", DeliveryStatus.BATCHED, id,
                DeliveryStatus.DEAD);
        return true;
    }
}
