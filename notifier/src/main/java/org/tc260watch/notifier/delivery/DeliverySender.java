package org.tc260watch.notifier.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.config.NotifierConfig;

/**
 * Sends the due deliveries of the outbox, on a schedule and whenever a change was stored. All passes run on one
 * thread, one after the other, so a delivery is never sent twice at the same time.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final DeliveryOutbox outbox;
    private final ChangeMailRenderer renderer;
    private final MailTransport transport;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "delivery-sender");
        thread.setDaemon(true);
        return thread;
    });
    /** A pass is queued and has not started yet: further wake-ups are covered by it. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    public DeliverySender(DeliveryOutbox outbox, ChangeMailRenderer renderer, MailTransport transport, Clock clock,
            NotifierConfig config) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.transport = transport;
        this.clock = clock;
        this.backoff = new RetryBackoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.batchSize = config.delivery().batchSize();
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
        if (stopping) {
            return;
        }
        try {
            Instant now = clock.instant();
            List<DueDelivery> due;
            do {
                due = outbox.due(now, batchSize);
                for (DueDelivery delivery : due) {
                    send(delivery);
                }
                // Every delivery handled leaves the due set (sent, or rescheduled after now), so this ends.
            } while (due.size() == batchSize && !stopping);
        } catch (RuntimeException e) {
            LOG.error("Delivery pass failed; the next one retries", e);
        }
    }

    private void send(DueDelivery delivery) {
        OutgoingMail mail;
        try {
            mail = renderer.render(EventJson.mapper().readValue(delivery.changePayload(), ChangeEvent.class), delivery);
        } catch (JsonProcessingException | RuntimeException e) {
            fail(delivery, "cannot render: " + e.getMessage());
            return;
        }
        try {
            transport.send(mail);
        } catch (RuntimeException e) {
            fail(delivery, describe(e));
            return;
        }
        outbox.markSent(delivery.id(), clock.instant());
        LOG.debugf("Delivery %d sent", delivery.id());
    }

    private void fail(DueDelivery delivery, String error) {
        int failures = delivery.attempts() + 1;
        Instant next = clock.instant().plus(backoff.delayAfter(failures));
        outbox.markFailed(delivery.id(), error, next);
        LOG.warnf("Delivery %d failed (attempt %d), retry at %s: %s", delivery.id(), failures, next, error);
    }

    private static String describe(Throwable e) {
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
