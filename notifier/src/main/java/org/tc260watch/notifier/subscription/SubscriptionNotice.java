package org.tc260watch.notifier.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.tc260watch.notifier.delivery.MailRow;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Outbox row of a mail about the subscription itself, queued in the transaction that decided it. The mail is written
 * when it is sent, so its links are fresh and a confirmation link's time starts when the mail leaves. Its status and
 * attempts are those of every {@link MailRow} (PENDING, SENDING while claimed, SENT, CANCELLED when superseded or no
 * longer fitting), moved by the same {@link org.tc260watch.notifier.delivery.MailRows}.
 */
@Entity
@Table(name = "subscription_notice")
public class SubscriptionNotice extends MailRow {

    /** What the mail says. */
    public enum Kind {
        /** The confirmation link of a pending subscription (double opt-in). */
        CONFIRM,
        /** Someone subscribed an address that is already active: here are its settings, nothing changed. */
        ALREADY_SUBSCRIBED
    }

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id", nullable = false)
    public Subscription subscription;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    public Kind kind;
}
