package org.tc260watch.notifier.digest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tc260watch.notifier.delivery.MailRow;
import org.tc260watch.notifier.subscription.DeliveryMode;

/**
 * One digest mail: the deliveries of one subscription collected by one run ({@code delivery.digest_id} points here).
 * Unique per subscription, period and run date, so a run repeated (a restart, an admin trigger) creates nothing.
 * Its status follows the life of a delivery: PENDING, SENDING, SENT or DEAD.
 */
@Entity
@Table(name = "digest")
public class Digest extends MailRow {

    @Column(name = "subscription_id", nullable = false, length = 36)
    public String subscriptionId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public DeliveryMode period;

    @Column(name = "run_date", nullable = false)
    public LocalDate runDate;

    /** Deliveries stored up to this instant were collected. */
    @Column(nullable = false)
    public Instant cutoff;
}
