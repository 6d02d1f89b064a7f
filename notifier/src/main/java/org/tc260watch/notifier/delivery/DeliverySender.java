package org.tc260watch.notifier.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.monitoring.NotifierMetrics;
import org.tc260watch.notifier.storage.Durability;

/**
 * Sends what is due in every {@link MailQueue} (instant alerts, digests), on a schedule and whenever something was
 * queued. Passes run one after the other on one thread; within a pass, {@code notifier.delivery.concurrency} workers
 * each send their own rows (each row claimed on its own, so no row is sent twice at the same time), which keeps that
 * many mails in flight.
 * <p>
 * Each mail is claim, send, note, mark: the claim (SENDING, attempts + 1) is committed before the server is contacted;
 * the moment the server accepts, the {@link SentJournal} gets a line (one short write, which outlives a killed
 * process); then the row is marked SENT. The marks of a pass are forced to disk at its end ({@link Durability}) and the
 * journal emptied; a pass after a crash first marks what the journal names. So a crash before the server accepted
 * sends the mail again later (its claim is taken up after {@code claim-timeout}; nothing is lost), and a crash after
 * the journal line costs nothing. Only a crash in between, while the server works on the message it has received in
 * full and our side waits for its answer and writes the line, sends that one mail twice, with the same Message-ID.
 * That window cannot be closed from this side of SMTP: the server delivers what it received even when we die before
 * hearing its "250". With several workers, a crash can send each of the mails in flight twice: at most
 * {@code concurrency}.
 * <p>
 * A failed attempt is retried with exponential backoff; after {@code max-attempts} the row is DEAD. Rows are worked
 * oldest-due first and a failed one is rescheduled, so one bad address never holds up the others.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final Instance<MailQueue> queues;
    private final MailTransport transport;
    private final SentJournal journal;
    private final Durability durability;
    private final NotifierMetrics metrics;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration claimTimeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "delivery-sender"));
    /** The workers of a pass: each claims, sends, notes and marks one row at a time. */
    private final ExecutorService senders;
    /** Journal lines written since the journal was last emptied. */
    private final AtomicInteger noted = new AtomicInteger();
    /** A mail is in the journal but its mark failed: the journal must outlive this pass. */
    private volatile boolean unmarked;
    /** A pass is queued and has not started yet: further wake-ups are covered by it. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    public DeliverySender(Instance<MailQueue> queues, MailTransport transport, SentJournal journal,
            Durability durability, NotifierMetrics metrics, Clock clock, NotifierConfig config) {
        this.queues = queues;
        this.transport = transport;
        this.journal = journal;
        this.durability = durability;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = new RetryBackoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.batchSize = config.delivery().batchSize();
        this.maxAttempts = config.delivery().maxAttempts();
        this.claimTimeout = config.delivery().claimTimeout();
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("notifier.delivery.max-attempts must be at least 1, got " + maxAttempts);
        }
        int concurrency = config.delivery().concurrency();
        if (concurrency < 1) {
            throw new IllegalArgumentException("notifier.delivery.concurrency must be at least 1, got " + concurrency);
        }
        AtomicInteger number = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrency,
                r -> daemon(r, "delivery-sender-" + number.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
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

    /** What became of one due row in a pass. */
    private enum Outcome { SENT, FAILED, DEAD, SKIPPED }

    private void pass() {
        queued.set(false);
        try {
            recoverFromJournal();
        } catch (RuntimeException e) {
            LOG.error("Cannot apply the sent journal; the next pass retries", e);
            return;
        }
        long started = System.nanoTime();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        try {
            for (MailQueue queue : queues) {
                if (stopping) {
                    return;
                }
                try {
                    work(queue, outcomes);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Sending %ss failed; the next pass retries", queue.name());
                }
            }
        } finally {
            settle();
            outcomes.remove(Outcome.SKIPPED);
            // One line per pass that did something; the idle passes every interval say nothing.
            if (!outcomes.isEmpty()) {
                LOG.infof("Sender pass: %d sent, %d failed, %d dead in %d ms",
                        outcomes.getOrDefault(Outcome.SENT, 0), outcomes.getOrDefault(Outcome.FAILED, 0),
                        outcomes.getOrDefault(Outcome.DEAD, 0), (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /** Marks what the journal names and is not marked yet: mails accepted just before the process died. */
    private void recoverFromJournal() {
        Map<String, List<Long>> sent = journal.entries();
        if (sent.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (MailQueue queue : queues) {
            int marked = 0;
            for (long id : sent.getOrDefault(queue.name(), List.of())) {
                if (queue.markSentBeforeCrash(id, now)) {
                    marked++;
                }
            }
            if (marked > 0) {
                LOG.infof("%d %s(s) accepted by the mail server just before the notifier stopped are marked sent now "
                        + "(from the sent journal), not sent again", marked, queue.name());
            }
        }
        unmarked = false;
        noted.incrementAndGet();
        settle();
    }

    /**
     * The marks so far go to disk; then the journal, which stood in for them, is emptied. Called on the pass thread
     * when no worker is sending, so no line is written between the flush and the clear.
     */
    private void settle() {
        if (noted.get() == 0) {
            return;
        }
        durability.flush();
        if (!unmarked) {
            journal.clear();
            noted.set(0);
        }
    }

    private void work(MailQueue queue, Map<Outcome, Integer> outcomes) {
        Instant now = clock.instant();
        int released = queue.releaseStale(now.minus(claimTimeout), now);
        if (released > 0) {
            LOG.warnf("%d %s(s) were claimed for sending more than %s ago and never marked (the notifier stopped or "
                    + "hung mid-send): sending them again. If the server had received one in full but its answer was "
                    + "lost with the process, that mail arrives twice, with the same Message-ID.", released,
                    queue.name(), claimTimeout);
        }
        List<Long> due;
        do {
            due = queue.due(now, batchSize);
            List<Future<Outcome>> sends = new ArrayList<>(due.size());
            for (Long id : due) {
                sends.add(senders.submit(() -> stopping ? Outcome.SKIPPED : send(queue, id)));
            }
            // The whole batch is done (sent, failed or given up) before the next query, so no row is due twice.
            RuntimeException failure = null;
            for (Future<Outcome> send : sends) {
                try {
                    outcomes.merge(awaitUninterruptibly(send), 1, Integer::sum);
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (stopping) {
                return;
            }
            // Every row handled leaves the due set (sent, dead, or rescheduled after now), so this ends.
        } while (due.size() == batchSize);
    }

    private static Outcome awaitUninterruptibly(Future<Outcome> send) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return send.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Outcome send(MailQueue queue, long id) {
        Optional<MailQueue.Claim> claimed = queue.claim(id, clock.instant());
        if (claimed.isEmpty()) {
            return Outcome.SKIPPED;
        }
        MailQueue.Claim claim = claimed.get();
        OutgoingMail mail;
        try {
            mail = claim.mail().get();
        } catch (RuntimeException e) {
            return fail(queue, claim, "cannot compose: " + describe(e));
        }
        try {
            metrics.handOff(queue.name(), () -> transport.send(mail));
        } catch (RuntimeException e) {
            return fail(queue, claim, describe(e));
        }
        // First thing after the acceptance: the end of the duplicate window.
        try {
            journal.record(queue.name(), id);
        } catch (RuntimeException e) {
            // Without the line, only the database keeps the mark: on disk at once.
            LOG.errorf(e, "%s %d: cannot note it in the sent journal; marking it on disk directly", queue.name(), id);
            queue.markSent(id, clock.instant());
            durability.flush();
            metrics.changesMailed(queue.name(), claim.detected(), clock.instant());
            return Outcome.SENT;
        }
        noted.incrementAndGet();
        metrics.changesMailed(queue.name(), claim.detected(), clock.instant());
        try {
            queue.markSent(id, clock.instant());
        } catch (RuntimeException e) {
            // The journal line stands in for the mark until a later pass makes it.
            unmarked = true;
            throw e;
        }
        LOG.debugf("%s %d sent", queue.name(), id);
        return Outcome.SENT;
    }

    private Outcome fail(MailQueue queue, MailQueue.Claim claim, String error) {
        if (claim.attempt() >= maxAttempts) {
            queue.markDead(claim.id(), claim.attempt(), error);
            metrics.mailDead(queue.name());
            LOG.errorf("%s %d failed %d times, given up (DEAD; resend with POST /admin/deliveries/{id}/resend): %s",
                    queue.name(), claim.id(), claim.attempt(), error);
            return Outcome.DEAD;
        }
        Instant next = clock.instant().plus(backoff.delayAfter(claim.attempt()));
        queue.markFailed(claim.id(), claim.attempt(), error, next);
        metrics.mailFailed(queue.name());
        LOG.warnf("%s %d failed (attempt %d of %d), retry at %s: %s", queue.name(), claim.id(), claim.attempt(),
                maxAttempts, next, error);
        return Outcome.FAILED;
    }

    /** An exception and its causes on one line, for logs, {@code last_error} and health details. */
    public static String describe(Throwable e) {
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
        senders.shutdown();
        if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }
}
