package org.tc260watch.notifier.subscription;

/**
 * Body of {@code PUT /api/subscriptions/manage}: the parts given replace the current ones, the others stay. The
 * address cannot be changed (a new address needs its own confirmation).
 */
public record PreferencesRequest(Filters filters, String delivery, String language) {

    /** @throws org.tc260watch.notifier.web.InvalidRequestException when a part is not acceptable */
    public Preferences preferences() {
        return Preferences.of(filters, delivery, language);
    }
}
