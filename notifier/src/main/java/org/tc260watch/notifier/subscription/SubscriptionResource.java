package org.tc260watch.notifier.subscription;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.delivery.DeliveryOutbox;
import org.tc260watch.notifier.web.InvalidRequestException;
import org.tc260watch.notifier.web.UnknownResourceException;

/** Subscribing and unsubscribing. A subscription is active at once (double opt-in comes later). */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private static final Logger LOG = Logger.getLogger(SubscriptionResource.class);

    private final DeliveryOutbox outbox;
    private final Clock clock;

    public SubscriptionResource(DeliveryOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** 201 with a new subscription; 200 with the existing one (re-activated if needed) for a known address. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response subscribe(SubscribeRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidRequestException("body must be a JSON object such as {\"email\": \"you@example.org\"}");
        }
        EmailAddress email;
        try {
            email = EmailAddress.parse(request.email());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        Instant now = clock.instant();
        Optional<Subscription> known = Subscription.findByEmail(email);
        if (known.isPresent()) {
            Subscription existing = known.get();
            if (existing.status != SubscriptionStatus.ACTIVE) {
                existing.status = SubscriptionStatus.ACTIVE;
                existing.updatedAt = now;
                LOG.infof("Subscription %s re-activated", existing.id);
            }
            return Response.ok(SubscriptionView.of(existing)).build();
        }
        Subscription created = new Subscription();
        created.id = UUID.randomUUID().toString();
        created.email = email.value();
        created.status = SubscriptionStatus.ACTIVE;
        created.createdAt = now;
        created.updatedAt = now;
        created.persist();
        LOG.infof("Subscription %s created", created.id);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id).build())
                .entity(SubscriptionView.of(created))
                .build();
    }

    @GET
    @Path("{id}")
    public SubscriptionView get(@PathParam("id") String id) {
        return SubscriptionView.of(find(id));
    }

    /** Stops all mail to the address at once, including deliveries already queued. */
    @DELETE
    @Path("{id}")
    @Transactional
    public Response unsubscribe(@PathParam("id") String id) {
        Subscription subscription = find(id);
        if (subscription.status != SubscriptionStatus.UNSUBSCRIBED) {
            subscription.status = SubscriptionStatus.UNSUBSCRIBED;
            subscription.updatedAt = clock.instant();
            int cancelled = outbox.cancelPending(subscription);
            LOG.infof("Subscription %s unsubscribed, %d queued deliveries cancelled", id, cancelled);
        }
        return Response.noContent().build();
    }

    private static Subscription find(String id) {
        Subscription subscription = Subscription.findById(id);
        if (subscription == null) {
            throw new UnknownResourceException("no subscription with id " + id);
        }
        return subscription;
    }
}
