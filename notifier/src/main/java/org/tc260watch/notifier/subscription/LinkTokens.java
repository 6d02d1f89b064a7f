package org.tc260watch.notifier.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/** Reads the token of a link in a mail: the one way any request reaches an existing subscription. */
@ApplicationScoped
public class LinkTokens {

    private final Tokens tokens;

    public LinkTokens(Tokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Follows a link: checks its token, then does {@code action} to the subscription it names.
     *
     * @param action given the subscription id, e.g. {@code SubscriptionService::confirm}; empty when there is no
     *               such subscription
     * @throws BadLinkException when the token is not a genuine, unexpired one for {@code purpose}, or its
     *                          subscription is gone (a reset database: the link is as good as forged)
     */
    public <T> T follow(String token, Tokens.Purpose purpose, Function<String, Optional<T>> action) {
        String id = tokens.verify(token, purpose)
                .map(Tokens.Verified::subscriptionId)
                .orElseThrow(() -> new BadLinkException(token != null && tokens.expired(token, purpose)));
        return action.apply(id).orElseThrow(() -> new BadLinkException(false));
    }
}
