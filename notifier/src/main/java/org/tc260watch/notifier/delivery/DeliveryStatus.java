package org.tc260watch.notifier.delivery;

/** Where one change for one subscriber stands. */
public enum DeliveryStatus {
    /** Waiting: to be sent from {@code next_attempt_at} on, or (digest subscribers) for the next digest run. */
    PENDING,
    /**
     * Claimed by the sender: the mail is being handed to the server. Found so after {@code claim-timeout}, its process
     * died mid-send: it is sent again (see the README on the duplicate window).
     */
    SENDING,
    /** Accepted by the mail server (or written to the mail directory), alone or with its digest. */
    SENT,
    /** Collected into a digest that is not sent yet. */
    BATCHED,
    /** Given up after {@code notifier.delivery.max-attempts}; an admin can resend it. */
    DEAD,
    /** The subscriber left before it was sent. */
    CANCELLED
}
