package org.tc260watch.notifier.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.tc260watch.notifier.readmodel.StoredChange;
import org.tc260watch.notifier.subscription.Subscription;

/**
 * Outbox row: one change for one subscriber whose filters it matches, created in the transaction that stores the
 * change. Sent as an alert of its own, or (digest subscribers) as part of a {@link org.tc260watch.notifier.digest.Digest}.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends MailRow {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "change_id", nullable = false)
    public StoredChange change;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id", nullable = false)
    public Subscription subscription;

    /** The digest that carries it, for a digest subscriber; null for an instant alert. */
    @Column(name = "digest_id")
    public Long digestId;
}
