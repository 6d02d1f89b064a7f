package org.tc260watch.notifier.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.tc260watch.events.ChangeType;
import org.tc260watch.notifier.delivery.MailTransport;
import org.tc260watch.notifier.subscription.DeliveryMode;

/**
 * The notifier's counters and timers ({@code tc260_*} at {@code /q/metrics}; the table is in the README). Tags are
 * few and fixed (change type, mail kind, transport, period): never an address, an id or a URL.
 */
@Singleton
public class NotifierMetrics {

    /** A mail about one change, a digest, or a confirmation / "already subscribed" notice. */
    public static final String DELIVERY = "delivery";
    public static final String DIGEST = "digest";
    public static final String NOTICE = "notice";

    private final MeterRegistry registry;
    private final String transport;

    @Inject
    public NotifierMetrics(MeterRegistry registry, MailTransport transport) {
        this(registry, transport.name());
    }

    public NotifierMetrics(MeterRegistry registry, String transport) {
        this.registry = registry;
        this.transport = transport;
    }

    /** A change read from {@code tc260.changes}: stored, or a replay of one stored before. */
    public void changeReceived(ChangeType type, boolean stored) {
        Counter.builder("tc260.changes.received")
                .description("Changes read from tc260.changes, by type; result=duplicate for a replay")
                .tag("type", type.wireName()).tag("result", stored ? "stored" : "duplicate")
                .register(registry).increment();
    }

    /**
     * Hands a mail to the transport and times it (SMTP: until the server accepted the message); counts it sent when
     * it returns. A failure is rethrown; the caller counts it ({@link #mailFailed}), as it counts failures to compose.
     */
    public void handOff(String kind, Runnable send) {
        Timer.builder("tc260.mail.send")
                .description("Hand-off of one mail to the transport (SMTP conversation or .eml write), every attempt")
                .tag("kind", kind).tag("transport", transport)
                .serviceLevelObjectives(ms(50), ms(100), ms(250), ms(500), ms(1000), ms(2500), ms(5000), ms(10_000),
                        ms(30_000))
                .register(registry)
                .record(send);
        Counter.builder("tc260.mails.sent").description("Mails the transport accepted")
                .tag("kind", kind).tag("transport", transport).register(registry).increment();
    }

    /** An attempt that failed and will be retried. */
    public void mailFailed(String kind) {
        Counter.builder("tc260.mails.failed").description("Failed attempts to send a mail (retried with backoff)")
                .tag("kind", kind).tag("transport", transport).register(registry).increment();
    }

    /** The last attempt failed: the mail is DEAD until an admin resends it. */
    public void mailDead(String kind) {
        Counter.builder("tc260.mails.dead").description("Mails given up after the last attempt (DEAD)")
                .tag("kind", kind).tag("transport", transport).register(registry).increment();
    }

    /** A mail telling of changes detected at {@code detected} was accepted at {@code accepted}. */
    public void changesMailed(String kind, Collection<Instant> detected, Instant accepted) {
        Timer timer = Timer.builder("tc260.change.to.mail")
                .description("From a change's detectedAt to the mail server's acceptance of the mail telling of it")
                .tag("kind", kind).tag("transport", transport)
                .serviceLevelObjectives(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
                        Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1),
                        Duration.ofDays(7))
                .register(registry);
        for (Instant at : detected) {
            if (at != null) {
                Duration took = Duration.between(at, accepted);
                // A clock behind the differ's would give a negative time: counted as zero.
                timer.record(took.isNegative() ? Duration.ZERO : took);
            }
        }
    }

    /** A digest run that made digests. */
    public void digestRun(DeliveryMode period, int made) {
        Counter.builder("tc260.digest.runs").description("Digest runs that made at least one digest")
                .tag("period", period.name()).register(registry).increment();
        Counter.builder("tc260.digests.created").description("Digests made by the runs")
                .tag("period", period.name()).register(registry).increment(made);
    }

    /**
     * A response of the read API rendered from the database: the first request for it under the current state of the
     * stored changes. A repeated request, a 304 among them, renders nothing.
     */
    public void responseRendered(String endpoint) {
        Counter.builder("tc260.read.rendered")
                .description("Responses of /api/changes and the change feeds rendered from the database (not cached)")
                .tag("endpoint", endpoint).register(registry).increment();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
