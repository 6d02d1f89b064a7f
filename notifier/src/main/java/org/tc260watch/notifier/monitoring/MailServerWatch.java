package org.tc260watch.notifier.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.delivery.DeliverySender;
import org.tc260watch.notifier.delivery.MailTransport;

/**
 * Probes the mail transport every {@code notifier.monitoring.refresh} ({@link MailTransport#probe}: the SMTP server
 * answers EHLO, or the .eml directory takes a file) and keeps the outcome for the health checks and the
 * {@code tc260_mail_server_up} gauge, so that neither waits on the server nor calls it more often than that. A change
 * of state is logged once.
 */
@Startup
@ApplicationScoped
public class MailServerWatch {

    private static final Logger LOG = Logger.getLogger(MailServerWatch.class);

    /** UNKNOWN until the first probe. */
    public enum Status { UNKNOWN, UP, DOWN }

    /**
     * @param downSince the first failed probe after the last good one (null unless DOWN)
     * @param error     why the last probe failed (null unless DOWN)
     */
    public record State(Status status, Instant checkedAt, Instant downSince, String error) {
    }

    private final MailTransport transport;
    private final Clock clock;
    private volatile State state = new State(Status.UNKNOWN, null, null, null);

    public MailServerWatch(MailTransport transport, Clock clock, MeterRegistry registry) {
        this.transport = transport;
        this.clock = clock;
        Gauge.builder("tc260.mail.server.up", this, w -> switch (w.state.status()) {
                    case UP -> 1;
                    case DOWN -> 0;
                    case UNKNOWN -> Double.NaN;
                })
                .description("1 when the last probe of the mail server (or .eml directory) succeeded, 0 when it failed")
                .tag("transport", transport.name())
                .register(registry);
    }

    @Scheduled(every = "${notifier.monitoring.refresh}", identity = "mail-server-probe",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        State before = state;
        try {
            transport.probe();
            state = new State(Status.UP, clock.instant(), null, null);
            if (before.status() == Status.DOWN) {
                LOG.infof("Mail: %s answers again (down since %s)", transport.describe(), before.downSince());
            }
        } catch (Exception e) {
            Instant now = clock.instant();
            String error = DeliverySender.describe(e);
            state = new State(Status.DOWN, now, before.status() == Status.DOWN ? before.downSince() : now, error);
            if (before.status() != Status.DOWN) {
                LOG.warnf("Mail: %s does not answer (%s); mails wait in the outbox and are retried. Feeds, pages and "
                        + "subscriptions keep working.", transport.describe(), error);
            }
        }
    }

    public State state() {
        return state;
    }

    /** The transport and the last probe, as health check details. */
    void describeTo(HealthCheckResponseBuilder health) {
        State s = state;
        health.withData("transport", transport.name())
                .withData("target", transport.describe())
                .withData("server", s.status().name());
        if (s.checkedAt() != null) {
            health.withData("checkedAt", s.checkedAt().toString());
        }
        if (s.downSince() != null) {
            health.withData("downSince", s.downSince().toString()).withData("error", s.error());
        }
    }
}
