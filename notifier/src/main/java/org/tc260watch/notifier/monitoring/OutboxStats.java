package org.tc260watch.notifier.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.delivery.Delivery;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.SubscriptionStatus;

/**
 * Counts the outbox every {@code notifier.monitoring.refresh}, for the gauges and the readiness details: a scrape or a
 * probe reads the last counts and never queries the database itself. The counts are the database's, so every instance
 * shows the same numbers (aggregate them with {@code max}, not {@code sum}).
 */
@Startup
@ApplicationScoped
public class OutboxStats {

    private static final Logger LOG = Logger.getLogger(OutboxStats.class);

    /**
     * One reading.
     *
     * @param deliveries    delivery rows by status
     * @param digests       digest rows by status
     * @param waiting       mails to be sent now or after a failed attempt: instant alerts, digests and notices,
     *                      pending or being sent (not the deliveries that wait for their digest run)
     * @param oldestWaiting when the oldest of those was queued, or null
     */
    public record Snapshot(Map<DeliveryStatus, Long> deliveries, Map<DeliveryStatus, Long> digests, long waiting,
            Instant oldestWaiting, Instant countedAt) {

        long deliveries(DeliveryStatus status) {
            return deliveries.getOrDefault(status, 0L);
        }

        long digests(DeliveryStatus status) {
            return digests.getOrDefault(status, 0L);
        }
    }

    private final Clock clock;
    private volatile Snapshot current;

    public OutboxStats(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        for (DeliveryStatus status : DeliveryStatus.values()) {
            Gauge.builder("tc260.deliveries", this, s -> s.read(c -> c.deliveries(status)))
                    .description("Delivery rows (one change for one subscriber) by status")
                    .tag("status", status.name()).register(registry);
            Gauge.builder("tc260.digests", this, s -> s.read(c -> c.digests(status)))
                    .description("Digest rows by status").tag("status", status.name()).register(registry);
        }
        Gauge.builder("tc260.mail.backlog", this, s -> s.read(Snapshot::waiting))
                .description("Mails waiting to be sent now or after a failed attempt (alerts, digests, notices)")
                .register(registry);
        Gauge.builder("tc260.mail.backlog.oldest", this, s -> s.read(c -> c.oldestWaiting() == null ? 0
                        : Math.max(0, Duration.between(c.oldestWaiting(), clock.instant()).toSeconds())))
                .description("Age of the oldest mail waiting to be sent; 0 when none waits")
                .baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${notifier.monitoring.refresh}", identity = "outbox-stats",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            current = QuarkusTransaction.requiringNew().call(this::count);
        } catch (RuntimeException e) {
            // The database health check reports the database; the gauges keep the last counts meanwhile.
            LOG.debugf(e, "Cannot count the outbox; keeping the counts of %s",
                    current == null ? "never" : current.countedAt());
        }
    }

    /** The last counts, or null before the first. */
    public Snapshot current() {
        return current;
    }

    private Snapshot count() {
        EntityManager em = Delivery.getEntityManager();
        List<DeliveryStatus> open = List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING);
        Object[] alerts = em.createQuery("""
                        select count(d), min(d.createdAt) from Delivery d join d.subscription s
                        where d.status in :open and s.status = :active and s.deliveryMode = :instant""", Object[].class)
                .setParameter("open", open).setParameter("active", SubscriptionStatus.ACTIVE)
                .setParameter("instant", DeliveryMode.INSTANT).getSingleResult();
        Object[] digests = em.createQuery("""
                        select count(g), min(g.createdAt) from Digest g, Subscription s
                        where s.id = g.subscriptionId and g.status in :open and s.status = :active""", Object[].class)
                .setParameter("open", open).setParameter("active", SubscriptionStatus.ACTIVE).getSingleResult();
        Object[] notices = em.createQuery("""
                        select count(n), min(n.createdAt) from SubscriptionNotice n where n.status in :open""",
                        Object[].class)
                .setParameter("open", open).getSingleResult();
        long waiting = Stream.of(alerts, digests, notices).mapToLong(r -> ((Number) r[0]).longValue()).sum();
        Instant oldest = Stream.of(alerts, digests, notices).map(r -> (Instant) r[1]).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        return new Snapshot(byStatus(em, "Delivery"), byStatus(em, "Digest"), waiting, oldest, clock.instant());
    }

    private static Map<DeliveryStatus, Long> byStatus(EntityManager em, String entity) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        em.createQuery("select r.status, count(r) from " + entity + " r group by r.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((DeliveryStatus) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private double read(ToDoubleFunction<Snapshot> value) {
        Snapshot c = current;
        return c == null ? Double.NaN : value.applyAsDouble(c);
    }

    /** The backlog, as health check details. */
    void describeTo(HealthCheckResponseBuilder health) {
        Snapshot c = current;
        if (c == null) {
            health.withData("outbox", "not counted yet");
            return;
        }
        health.withData("mailsWaiting", c.waiting())
                .withData("deliveriesPending", c.deliveries(DeliveryStatus.PENDING))
                .withData("deliveriesDead", c.deliveries(DeliveryStatus.DEAD))
                .withData("digestsDead", c.digests(DeliveryStatus.DEAD))
                .withData("countedAt", c.countedAt().toString());
        if (c.oldestWaiting() != null) {
            health.withData("oldestWaitingSince", c.oldestWaiting().toString());
        }
    }
}
