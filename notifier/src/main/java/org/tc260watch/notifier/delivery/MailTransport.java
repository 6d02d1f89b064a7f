package org.tc260watch.notifier.delivery;

import java.io.IOException;

/** How an email leaves the service. Exactly one is active, chosen from {@code notifier.mail.*}. */
public interface MailTransport {

    /**
     * Returns only once the mail is accepted (by the SMTP server, or written to disk).
     *
     * @throws RuntimeException when it was not accepted; the delivery is then retried
     */
    void send(OutgoingMail mail);

    /** For the start-up log and health: where mails go. */
    String describe();

    /** For metrics and health: {@code smtp} or {@code eml}. */
    String name();

    /**
     * Whether a mail could be handed over now, without sending one (SMTP: the server answers; files: the directory
     * takes a file). Called by the health check in the background, never by the sender.
     *
     * @throws IOException why not
     */
    void probe() throws IOException;
}
