package org.tc260watch.notifier.delivery;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.config.NotifierConfig;

/** Chooses the {@link MailTransport}: SMTP when {@code notifier.mail.smtp-host} is set, .eml files otherwise. */
public class MailTransports {

    private static final Logger LOG = Logger.getLogger(MailTransports.class);

    @Produces
    @Singleton
    MailTransport transport(NotifierConfig config, ReactiveMailer mailer, Clock clock,
            @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25") int port,
            @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> tls,
            @ConfigProperty(name = "quarkus.mailer.ssl", defaultValue = "false") boolean ssl) {
        NotifierConfig.Mail mail = config.mail();
        return mail.smtpHost()
                .filter(host -> !host.isBlank())
                .<MailTransport>map(host -> new SmtpMailTransport(mailer, mail.from(), mail.sendTimeout(),
                        probe(config, host, port, tls.orElse(ssl))))
                .orElseGet(() -> new EmlFileMailTransport(mail.directory(), mail.from(), clock));
    }

    /** The health check's view of the SMTP server the mailer sends to. */
    public static SmtpProbe probe(NotifierConfig config, String host, int port, boolean implicitTls) {
        return new SmtpProbe(host, port, implicitTls, config.monitoring().probeTimeout(),
                EmlFileMailTransport.hostOf(config.mail().from()));
    }

    void announce(@Observes StartupEvent start, MailTransport transport) {
        LOG.infof("Alerts go to %s", transport.describe());
    }
}
