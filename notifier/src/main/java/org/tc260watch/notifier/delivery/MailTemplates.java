package org.tc260watch.notifier.delivery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Type-checked Qute templates of the alert emails, in {@code src/main/resources/templates/mail/}. */
@CheckedTemplate(basePath = "mail")
public class MailTemplates {

    /** Plain-text body of the alert about one change to one subscriber. */
    public static native TemplateInstance change(ChangeMail mail, String recipient, String subscriptionId);

    private MailTemplates() {
    }
}
