package org.tc260watch.notifier.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One email address that wants alerts. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    /** A random UUID: the id appears in unsubscribe requests, so it must not be guessable. */
    @Id
    @Column(length = 36)
    public String id;

    /** Normalised address ({@link EmailAddress}); one subscription per address. */
    @Column(nullable = false, unique = true, length = 254)
    public String email;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    public SubscriptionStatus status;

    /** What the subscriber wants to hear about. */
    @Convert(converter = FiltersConverter.class)
    @Column(nullable = false, length = 4000)
    public Filters filters = Filters.NONE;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "delivery_mode", nullable = false, length = 16)
    public DeliveryMode deliveryMode = DeliveryMode.INSTANT;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    public MailLanguage language = MailLanguage.BOTH;

    /** When the address owner confirmed (double opt-in); null while {@link SubscriptionStatus#PENDING}. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Subscription> findByEmail(EmailAddress email) {
        return find("email", email.value()).firstResultOptional();
    }
}
