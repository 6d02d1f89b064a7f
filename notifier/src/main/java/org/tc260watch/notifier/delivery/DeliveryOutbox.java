package org.tc260watch.notifier.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.mail.MailComposer;
import org.tc260watch.notifier.mail.Recipient;
import org.tc260watch.notifier.matching.FilterMatcher;
import org.tc260watch.notifier.readmodel.StoredChange;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.Subscription;
import org.tc260watch.notifier.subscription.SubscriptionStatus;

/**
 * The delivery table: one row per change and subscriber whose filters it matches. Instant subscribers' rows are sent
 * here one by one; digest subscribers' rows wait for their digest ({@code digest} package).
 */
@ApplicationScoped
public class DeliveryOutbox extends RowQueue {

    private final FilterMatcher matcher;
    private final MailComposer composer;
    private final MailRows rows = new MailRows(Delivery.class);
    /** Delivery rows sent to the database per JDBC batch when a change is stored. */
    private static final int INSERT_BATCH = 500;
    /**
     * The change last read for a claim: a fan-out claims thousands of deliveries of one change in a row, and parsing
     * its payload for each was a good part of composing. Read-only once made, so the workers share it.
     */
    private volatile ParsedChange lastRead;

    private record ParsedChange(String changeId, ChangeEvent event) {
    }

    public DeliveryOutbox(FilterMatcher matcher, MailComposer composer) {
        this.matcher = matcher;
        this.composer = composer;
    }

    /**
     * Queues the change for every active subscriber whose filters match it; runs inside the transaction that stores
     * the change, so a change is stored with all its deliveries or not at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(StoredChange change, ChangeEvent event, Instant now) {
        List<String> subscribers = new ArrayList<>();
        for (Subscription subscription : Subscription.<Subscription>list("status", SubscriptionStatus.ACTIVE)) {
            if (matcher.matches(subscription.filters, event)) {
                subscribers.add(subscription.id);
            }
        }
        if (subscribers.isEmpty()) {
            return 0;
        }
        EntityManager em = Delivery.getEntityManager();
        // The change's row first: the deliveries refer to it.
        em.flush();
        // One JDBC batch, not a persist per row: Hibernate cannot batch inserts of IDENTITY keys, and a change to
        // 10 000 subscribers took seconds to store one row at a time. Nothing reads these rows as entities here.
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into delivery (change_id,"
                    + " subscription_id, status, attempts, next_attempt_at, created_at) values (?, ?, ?, 0, ?, ?)")) {
                int batched = 0;
                for (String subscriber : subscribers) {
                    insert.setString(1, change.id);
                    insert.setString(2, subscriber);
                    insert.setString(3, DeliveryStatus.PENDING.name());
                    insert.setObject(4, at);
                    insert.setObject(5, at);
                    insert.addBatch();
                    if (++batched % INSERT_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        return subscribers.size();
    }

    @Override
    protected MailRows rows() {
        return rows;
    }

    @Override
    public String name() {
        return "delivery";
    }

    /** Pending deliveries of instant subscribers whose time has come, oldest due first. */
    @Override
    @Transactional
    public List<Long> due(Instant now, int max) {
        return Delivery.getEntityManager().createQuery("""
                        select d.id from Delivery d join d.subscription s
                        where d.status = :pending and d.nextAttemptAt <= :now
                          and s.status = :active and s.deliveryMode = :instant
                        order by d.nextAttemptAt, d.id""", Long.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setParameter("instant", DeliveryMode.INSTANT)
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
        Delivery delivery = Delivery.findById(id);
        // Read now: the mail is composed after this transaction.
        Recipient to = composer.recipient(delivery.subscription);
        String changeId = delivery.change.id;
        String payload = delivery.change.payload;
        String reference = "delivery-" + id;
        return Optional.of(new Claim(id, delivery.attempts,
                () -> composer.alert(reference, parsed(changeId, payload), to),
                Collections.singletonList(delivery.change.detectedAt)));
    }

    /** Stored changes never change, so their id names their payload. */
    private ChangeEvent parsed(String changeId, String payload) {
        ParsedChange last = lastRead;
        if (last == null || !last.changeId().equals(changeId)) {
            last = new ParsedChange(changeId, read(payload));
            lastRead = last;
        }
        return last.event();
    }

    /** A DEAD delivery (not in a digest) queued again with a fresh count of attempts; caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revive(long id, Instant now) {
        return rows.revive(id, now);
    }

    /** Cancels what is still queued for a subscriber who left; runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(Subscription subscription) {
        return Delivery.update("status = ?1 where subscription = ?2 and status = ?3",
                DeliveryStatus.CANCELLED, subscription, DeliveryStatus.PENDING);
    }


    /** A stored payload as the event it is. */
    public static ChangeEvent read(String payload) {
        try {
            return EventJson.mapper().readValue(payload, ChangeEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change is not a readable ChangeEvent: " + e.getOriginalMessage(), e);
        }
    }
}
