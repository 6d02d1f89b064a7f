package org.tc260watch.notifier.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Duration;
import org.tc260watch.notifier.config.NotifierConfig;

/** Links under {@code notifier.public-url}, each carrying a {@link Tokens} token for its purpose. */
@ApplicationScoped
public class SignedSubscriptionLinks implements SubscriptionLinks {

    private final Tokens tokens;
    private final NotifierConfig config;

    public SignedSubscriptionLinks(Tokens tokens, NotifierConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @Override
    public URI confirm(Subscription s) {
        return link("/subscriptions/confirm", Tokens.Purpose.CONFIRM, s, config.tokens().confirmTtl());
    }

    @Override
    public URI manage(Subscription s) {
        return link("/subscriptions/manage", Tokens.Purpose.MANAGE, s, config.tokens().linkTtl());
    }

    @Override
    public URI unsubscribe(Subscription s) {
        return link("/subscriptions/unsubscribe", Tokens.Purpose.UNSUBSCRIBE, s, config.tokens().linkTtl());
    }

    private URI link(String path, Tokens.Purpose purpose, Subscription s, Duration ttl) {
        return UriBuilder.fromUri(config.publicUrl()).path(path)
                .queryParam("token", tokens.issue(purpose, s.id, ttl)).build();
    }
}
