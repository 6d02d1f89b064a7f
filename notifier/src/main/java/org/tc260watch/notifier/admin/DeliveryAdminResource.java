package org.tc260watch.notifier.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.delivery.Delivery;
import org.tc260watch.notifier.delivery.DeliveryOutbox;
import org.tc260watch.notifier.delivery.DeliverySender;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.digest.DigestOutbox;
import org.tc260watch.notifier.web.ApiError;
import org.tc260watch.notifier.web.InvalidRequestException;
import org.tc260watch.notifier.web.UnknownResourceException;

/** Deliveries for the operator: the dead ones, and resending them. Behind {@link AdminAuthFilter}. */
@Path("/admin/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "For the operator: Authorization: Bearer <ADMIN_TOKEN>")
@SecurityRequirement(name = AdminToken.SCHEME)
@APIResponse(responseCode = "401", description = "No or a wrong admin token")
public class DeliveryAdminResource {

    private static final Logger LOG = Logger.getLogger(DeliveryAdminResource.class);
    static final int MAX_LIMIT = 1000;

    private final DeliveryOutbox deliveries;
    private final DigestOutbox digests;
    private final DeliverySender sender;
    private final Clock clock;

    public DeliveryAdminResource(DeliveryOutbox deliveries, DigestOutbox digests, DeliverySender sender, Clock clock) {
        this.deliveries = deliveries;
        this.digests = digests;
        this.sender = sender;
        this.clock = clock;
    }

    /** Deliveries in one status (default DEAD), oldest first. */
    @GET
    @Transactional
    @Operation(summary = "Deliveries in one status, oldest first")
    @APIResponse(responseCode = "200", description = "The deliveries")
    @APIResponse(responseCode = "400", description = "An unknown status or a bad limit", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public List<DeliveryInfo> list(
            @Parameter(description = "PENDING, SENDING, SENT, DEAD, CANCELLED or BATCHED (default DEAD)")
            @QueryParam("status") @DefaultValue("DEAD") String status,
            @Parameter(description = "At most this many, 1 to " + MAX_LIMIT + " (default 100)")
            @QueryParam("limit") @DefaultValue("100") int limit) {
        DeliveryStatus wanted;
        try {
            wanted = DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status must be one of " + List.of(DeliveryStatus.values()) + ", got '"
                    + status + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be from 1 to " + MAX_LIMIT);
        }
        return Delivery.getEntityManager().createQuery("""
                        select new org.tc260watch.notifier.admin.DeliveryInfo(d.id, c.id, s.email, s.id, d.status,
                            d.attempts, d.lastError, d.createdAt, d.nextAttemptAt, d.digestId)
                        from Delivery d join d.subscription s join d.change c
                        where d.status = :status order by d.createdAt, d.id""", DeliveryInfo.class)
                .setParameter("status", wanted)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Sends a DEAD delivery again, from a fresh count of attempts. One that travelled in a digest revives its whole
     * digest. 409 for a delivery that is not DEAD (a SENT one is not sent twice).
     */
    @POST
    @Path("{id}/resend")
    @Operation(summary = "Send a DEAD delivery again", description = "One that travelled in a digest revives its whole "
            + "digest.")
    @APIResponse(responseCode = "202", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No delivery with this id", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The delivery is not DEAD", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response resend(@Parameter(description = "Delivery id") @PathParam("id") long id) {
        Instant now = clock.instant();
        Response answer = QuarkusTransaction.requiringNew().call(() -> revive(id, now));
        if (answer.getStatus() == Response.Status.ACCEPTED.getStatusCode()) {
            sender.wake();
        }
        return answer;
    }

    private Response revive(long id, Instant now) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null) {
            throw new UnknownResourceException("no delivery with id " + id);
        }
        if (delivery.status != DeliveryStatus.DEAD) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("delivery " + id + " is " + delivery.status + ", only DEAD ones are resent"))
                    .build();
        }
        if (delivery.digestId != null) {
            digests.revive(delivery.digestId, now);
            LOG.infof("Digest %d revived by an admin (for delivery %d)", delivery.digestId, id);
        } else {
            deliveries.revive(id, now);
            LOG.infof("Delivery %d queued again by an admin", id);
        }
        return Response.accepted(new Resent(id, delivery.digestId, "queued again")).build();
    }

    /** The answer of a resend. */
    public record Resent(long id, Long digestId, String status) {
    }
}
