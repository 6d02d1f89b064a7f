package org.tc260watch.notifier.subscription;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.delivery.DeliverySender;
import org.tc260watch.notifier.delivery.MailTransport;
import org.tc260watch.notifier.delivery.OutgoingMail;
import org.tc260watch.notifier.delivery.RetryBackoff;
import org.tc260watch.notifier.monitoring.NotifierMetrics;

/**
 * Sends the queued {@link SubscriptionNotice}s through the one {@link MailTransport}, at the pace and with the
 * backoff of the alert outbox ({@code notifier.delivery.*}); like alerts, they are retried until the server takes
 * them. A request that queued one wakes the sender, so the confirmation arrives at once, yet the answer never waits
 * for the mail server (nor tells, by its timing, what was sent).
 * <p>
 * The lock keeps one instance's passes apart; across instances sharing the database, each notice is claimed before it
 * is sent ({@link NoticeOutbox#claim}), so only one of them sends it. A claim left by an instance that died mid-send is
 * taken up again after {@code notifier.delivery.claim-timeout}.
 */
@ApplicationScoped
public class NoticeSender {

    private static final Logger LOG = Logger.getLogger(NoticeSender.class);

    private final NoticeOutbox outbox;
    private final NoticeMails mails;
    private final MailTransport transport;
    private final NotifierMetrics metrics;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final int batchSize;
    private final Duration claimTimeout;
    /** Held by the one pass running in this instance. */
    private final ReentrantLock passing = new ReentrantLock();
    /** Something was queued since the running pass read the table: it reads again before it lets go. */
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    public NoticeSender(NoticeOutbox outbox, NoticeMails mails, MailTransport transport, NotifierMetrics metrics,
            Clock clock, NotifierConfig config) {
        this.outbox = outbox;
        this.mails = mails;
        this.transport = transport;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = new RetryBackoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.batchSize = config.delivery().batchSize();
        this.claimTimeout = config.delivery().claimTimeout();
    }

    @Scheduled(every = "${notifier.delivery.interval}", identity = "notice-sender",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        sendDue();
    }

    /** Asks for a pass on a worker thread; returns at once. Call it after the transaction that queued commits. */
    public void wake() {
        Infrastructure.getDefaultWorkerPool().execute(this::sendDue);
    }

    void sendDue() {
        again.set(true);
        // Whoever finds the lock taken leaves `again` set: the holder sees it after unlocking and runs once more.
        while (again.get() && !stopping && passing.tryLock()) {
            try {
                again.set(false);
                pass();
            } finally {
                passing.unlock();
            }
        }
    }

    private void pass() {
        try {
            Instant now = clock.instant();
            int released = outbox.releaseStale(now.minus(claimTimeout), now);
            if (released > 0) {
                LOG.warnf("%d notice(s) were claimed for sending more than %s ago and never marked (an instance stopped"
                        + " or hung mid-send): sending them again", released, claimTimeout);
            }
            List<SubscriptionNotice> due;
            do {
                due = outbox.due(clock.instant(), batchSize);
                for (SubscriptionNotice notice : due) {
                    if (stopping) {
                        return;
                    }
                    send(notice);
                }
                // Each notice handled leaves the due set (sent, cancelled or rescheduled later), so this ends.
            } while (due.size() == batchSize);
        } catch (RuntimeException e) {
            LOG.error("Notice pass failed; the next one retries", e);
        }
    }

    private void send(SubscriptionNotice notice) {
        if (!fits(notice)) {
            // Confirmed, unsubscribed or re-subscribed since it was queued: the mail would say something untrue.
            outbox.markCancelled(notice.id);
            return;
        }
        if (!outbox.claim(notice.id, clock.instant())) {
            // Another instance claimed it since it was read: that one sends it.
            return;
        }
        try {
            OutgoingMail mail = mails.render(notice);
            metrics.handOff(NotifierMetrics.NOTICE, () -> transport.send(mail));
        } catch (RuntimeException e) {
            // This attempt's number: the claim counted it on the row, not on this copy read before.
            int attempt = notice.attempts + 1;
            Instant next = clock.instant().plus(backoff.delayAfter(attempt));
            String error = DeliverySender.describe(e);
            outbox.markFailed(notice.id, attempt, error, next);
            metrics.mailFailed(NotifierMetrics.NOTICE);
            LOG.warnf("Notice %d (%s) failed (attempt %d), retry at %s: %s", notice.id, notice.kind, attempt, next,
                    error);
            return;
        }
        outbox.markSent(notice.id, clock.instant());
        LOG.infof("Notice %d (%s) sent for subscription %s", notice.id, notice.kind, notice.subscription.id);
    }

    private static boolean fits(SubscriptionNotice notice) {
        SubscriptionStatus status = notice.subscription.status;
        return switch (notice.kind) {
            case CONFIRM -> status == SubscriptionStatus.PENDING;
            case ALREADY_SUBSCRIBED -> status == SubscriptionStatus.ACTIVE;
        };
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
