package org.tc260watch.notifier.mail;

import org.tc260watch.notifier.subscription.MailLanguage;

/**
 * Who a mail goes to, read while the subscription is at hand ({@link MailComposer#recipient}), so the mail can be
 * composed after the transaction.
 */
public record Recipient(String subscriptionId, String email, MailLanguage language, String manageUrl,
        String unsubscribeUrl) {
}
