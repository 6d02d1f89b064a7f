package org.tc260watch.notifier.delivery;

/** What the sender needs of one due delivery, read in a short transaction and used outside it. */
public record DueDelivery(long id, int attempts, String subscriptionId, String email, String changePayload) {
}
