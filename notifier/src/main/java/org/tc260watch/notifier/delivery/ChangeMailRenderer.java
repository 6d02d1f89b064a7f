package org.tc260watch.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.tc260watch.events.ChangeEvent;

/** Turns a change into the email one subscriber receives. */
@ApplicationScoped
public class ChangeMailRenderer {

    public OutgoingMail render(ChangeEvent event, DueDelivery delivery) {
        ChangeMail mail = ChangeMail.of(event);
        String text = MailTemplates.change(mail, delivery.email(), delivery.subscriptionId()).render();
        return new OutgoingMail("delivery-" + delivery.id(), delivery.email(), mail.subject(), text);
    }
}
