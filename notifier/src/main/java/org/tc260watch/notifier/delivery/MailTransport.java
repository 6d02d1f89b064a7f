package org.tc260watch.notifier.delivery;

/** How an email leaves the service. Exactly one is active, chosen from {@code notifier.mail.*}. */
public interface MailTransport {

    /**
     * Returns only once the mail is accepted (by the SMTP server, or written to disk).
     *
     * @throws RuntimeException when it was not accepted; the delivery is then retried
     */
    void send(OutgoingMail mail);

    /** For the start-up log: where mails go. */
    String describe();
}
