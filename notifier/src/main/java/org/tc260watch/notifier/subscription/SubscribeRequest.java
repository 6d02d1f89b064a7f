package org.tc260watch.notifier.subscription;

import org.tc260watch.notifier.web.InvalidRequestException;

/**
 * Body of {@code POST /api/subscriptions}: only the address is required.
 *
 * @param delivery {@link DeliveryMode} name, any case
 * @param language {@link MailLanguage} wire name ({@code zh}, {@code en}, {@code both}), any case
 */
public record SubscribeRequest(String email, Filters filters, String delivery, String language) {

    /** @throws InvalidRequestException when the address is missing or not one */
    public EmailAddress address() {
        try {
            return EmailAddress.parse(email);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** @throws InvalidRequestException when a part is not acceptable */
    public Preferences preferences() {
        return Preferences.of(filters, delivery, language);
    }
}
