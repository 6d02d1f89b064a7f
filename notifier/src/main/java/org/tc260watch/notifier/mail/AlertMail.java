package org.tc260watch.notifier.mail;

/** Data of the alert templates ({@code mail/alertText.txt}, {@code mail/alertHtml.html}). */
public record AlertMail(String subject, ChangeView change, Words words, String manageUrl, String unsubscribeUrl) {
}
