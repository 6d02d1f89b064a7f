package org.tc260watch.notifier.testing;

import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.delivery.MailTransport;
import org.tc260watch.notifier.delivery.MailTransports;
import org.tc260watch.notifier.delivery.OutgoingMail;
import org.tc260watch.notifier.delivery.SmtpMailTransport;

/**
 * The real SMTP transport, except that the server "refuses" the addresses a test puts in {@link #REJECTED}, as a mail
 * server answers 550 for an unknown mailbox (GreenMail itself accepts every recipient). Enabled by
 * {@link FailureProfile} only.
 */
@Alternative
@Singleton
public class RejectingMailTransport implements MailTransport {

    /** Addresses refused until a test takes them out again. */
    public static final Set<String> REJECTED = ConcurrentHashMap.newKeySet();

    private final SmtpMailTransport smtp;

    public RejectingMailTransport(ReactiveMailer mailer, NotifierConfig config,
            @ConfigProperty(name = "quarkus.mailer.host") String host,
            @ConfigProperty(name = "quarkus.mailer.port") int port) {
        this.smtp = new SmtpMailTransport(mailer, config.mail().from(), config.mail().sendTimeout(),
                MailTransports.probe(config, host, port, false));
    }

    @Override
    public void send(OutgoingMail mail) {
        if (REJECTED.contains(mail.to())) {
            throw new IllegalStateException("550 5.1.1 <" + mail.to() + ">: Recipient address rejected: "
                    + "User unknown (test)");
        }
        smtp.send(mail);
    }

    @Override
    public String name() {
        return smtp.name();
    }

    @Override
    public void probe() throws IOException {
        smtp.probe();
    }

    @Override
    public String describe() {
        return smtp.describe() + ", refusing the addresses a test names";
    }
}
