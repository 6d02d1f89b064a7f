package org.tc260watch.notifier.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Type-checked Qute templates of the mails, in {@code src/main/resources/templates/mail/}. The {@code .html} ones
 * escape every value (Qute's default for HTML templates; none of them uses {@code raw}), so a scraped title with markup
 * shows as text.
 */
@CheckedTemplate(basePath = "mail")
public class MailTemplates {

    public static native TemplateInstance alertText(AlertMail mail);

    public static native TemplateInstance alertHtml(AlertMail mail);

    public static native TemplateInstance digestText(DigestMail mail);

    public static native TemplateInstance digestHtml(DigestMail mail);

    private MailTemplates() {
    }
}
