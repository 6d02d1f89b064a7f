package org.tc260watch.notifier.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Outbox row of a mail about the subscription itself, queued in the transaction that decided it. The mail is written
 * when it is sent, so its links are fresh and a confirmation link's time starts when the mail leaves.
 */
@Entity
@Table(name = "subscription_notice")
public class SubscriptionNotice extends PanacheEntityBase {

    /** What the mail says. */
    public enum Kind {
        /** The confirmation link of a pending subscription (double opt-in). */
        CONFIRM,
        /** Someone subscribed an address that is already active: here are its settings, nothing changed. */
        ALREADY_SUBSCRIBED
    }

    public enum Status {
        /** Not yet accepted by the mail server; retried from {@code next_attempt_at} on. */
        PENDING,
        SENT,
        /** Superseded by a newer notice, or no longer fitting the subscription's status. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id", nullable = false)
    public Subscription subscription;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    public Status status;

    /** Failed attempts so far. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 2000)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
