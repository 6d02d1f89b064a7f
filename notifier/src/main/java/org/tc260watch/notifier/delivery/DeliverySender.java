package org.tc260watch.notifier.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.storage.Durability;

/**
 * Sends what is due in every {@link MailQueue} (instant alerts, digests), on a schedule and whenever something was
 * queued. All passes run on one thread, one after the other, so a row is never sent twice at the same time.
 * <p>
 * Each mail is claim, send, mark: the claim (SENDING, attempts + 1) is committed before the server is contacted, and
 * the "sent" mark right after it accepts, then forced to disk ({@link Durability}). A crash before the server accepted
 * leaves a claim that goes back to PENDING after {@code claim-timeout} and is sent then: nothing lost. A crash in the
 * short time between the server's acceptance and the mark on disk sends that one mail again, with the same
 * Message-ID. That window cannot be closed from this side of SMTP; it is kept as short as a single-row update.
 * <p>
 * A failed attempt is retried with exponential backoff; after {@code max-attempts} the row is DEAD. Rows are worked
 * oldest-due first and a failed one is rescheduled, so one bad address never holds up the others.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final Instance<MailQueue> queues;
    private final MailTransport transport;
    private final Durability durability;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration claimTimeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "delivery-sender");
        thread.setDaemon(true);
        return thread;
    });
    /** A pass is queued and has not started yet: further wake-ups are covered by it. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    public DeliverySender(Instance<MailQueue> queues, MailTransport transport, Durability durability, Clock clock,
            NotifierConfig config) {
        this.queues = queues;
        this.transport = transport;
        this.durability = durability;
        this.clock = clock;
        this.backoff = new RetryBackoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.batchSize = config.delivery().batchSize();
        this.maxAttempts = config.delivery().maxAttempts();
        this.claimTimeout = config.delivery().claimTimeout();
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("notifier.delivery.max-attempts must be at least 1, got " + maxAttempts);
        }
    }

    @Scheduled(every = "${notifier.delivery.interval}", identity = "delivery-sender",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        wake();
    }

    /** Asks for a pass soon; returns at once. */
    public void wake() {
        if (!stopping && queued.compareAndSet(false, true)) {
            worker.execute(this::pass);
        }
    }

    private void pass() {
        queued.set(false);
        for (MailQueue queue : queues) {
            if (stopping) {
                return;
            }
            try {
                work(queue);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Sending %ss failed; the next pass retries", queue.name());
            }
        }
    }

    private void work(MailQueue queue) {
        Instant now = clock.instant();
        int released = queue.releaseStale(now.minus(claimTimeout), now);
        if (released > 0) {
            LOG.warnf("%d %s(s) were claimed for sending more than %s ago and never marked (the notifier stopped or "
                    + "hung mid-send): sending them again. One the server had accepted just before arrives twice, "
                    + "with the same Message-ID.", released, queue.name(), claimTimeout);
        }
        List<Long> due;
        do {
            due = queue.due(now, batchSize);
            for (Long id : due) {
                if (stopping) {
                    return;
                }
                send(queue, id);
            }
            // Every row handled leaves the due set (sent, dead, or rescheduled after now), so this ends.
        } while (due.size() == batchSize);
    }

    private void send(MailQueue queue, long id) {
        Optional<MailQueue.Claim> claimed = queue.claim(id, clock.instant());
        if (claimed.isEmpty()) {
            return;
        }
        MailQueue.Claim claim = claimed.get();
        OutgoingMail mail;
        try {
            mail = claim.mail().get();
        } catch (RuntimeException e) {
            fail(queue, claim, "cannot compose: " + describe(e));
            return;
        }
        try {
            transport.send(mail);
        } catch (RuntimeException e) {
            fail(queue, claim, describe(e));
            return;
        }
        // Nothing between acceptance and the mark: this is the duplicate window.
        queue.markSent(id, clock.instant());
        durability.flush();
        LOG.debugf("%s %d sent", queue.name(), id);
    }

    private void fail(MailQueue queue, MailQueue.Claim claim, String error) {
        if (claim.attempt() >= maxAttempts) {
            queue.markDead(claim.id(), error);
            LOG.errorf("%s %d failed %d times, given up (DEAD; resend with POST /admin/deliveries/{id}/resend): %s",
                    queue.name(), claim.id(), claim.attempt(), error);
            return;
        }
        Instant next = clock.instant().plus(backoff.delayAfter(claim.attempt()));
        queue.markFailed(claim.id(), error, next);
        LOG.warnf("%s %d failed (attempt %d of %d), retry at %s: %s", queue.name(), claim.id(), claim.attempt(),
                maxAttempts, next, error);
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    /** Lets a send in progress finish (and be recorded) before the database goes away. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
