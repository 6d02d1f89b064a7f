package org.tc260watch.notifier.delivery;

/**
 * One plain-text email, ready to go.
 *
 * @param reference a stable name of what is sent (the delivery id), used e.g. in file names
 */
public record OutgoingMail(String reference, String to, String subject, String text) {
}
