package org.tc260watch.notifier.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import java.io.IOException;
import java.time.Duration;

/** Sends through the SMTP server configured for Quarkus Mailer ({@code MAILER_HOST}, {@code MAILER_PORT}). */
public class SmtpMailTransport implements MailTransport {

    private final ReactiveMailer mailer;
    private final String from;
    private final Duration timeout;
    private final SmtpProbe server;

    public SmtpMailTransport(ReactiveMailer mailer, String from, Duration timeout, SmtpProbe server) {
        this.mailer = mailer;
        this.from = from;
        this.timeout = timeout;
        this.server = server;
    }

    @Override
    public void send(OutgoingMail mail) {
        // Completes when the server has answered the message data with a 2xx, i.e. accepted it.
        Mail m = Mail.withText(mail.to(), mail.subject(), mail.text()).setFrom(from);
        if (mail.html() != null) {
            m.setHtml(mail.html());
        }
        mail.headers().forEach(m::addHeader);
        mailer.send(m).await().atMost(timeout);
    }

    @Override
    public String describe() {
        return "SMTP server " + server;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void probe() throws IOException {
        server.check();
    }
}
