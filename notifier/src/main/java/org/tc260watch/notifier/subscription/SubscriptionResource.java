package org.tc260watch.notifier.subscription;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.web.ApiError;
import org.tc260watch.notifier.web.InvalidRequestException;
import org.tc260watch.notifier.web.StrictJson;

/**
 * The subscription API. Subscribing answers the same whatever the address's state (no one learns who subscribes);
 * everything about an existing subscription needs the token of a link mailed to its address.
 */
@Path("/api/subscriptions")
@Tag(name = "subscriptions", description = "E-mail alerts: double opt-in, filters, delivery mode, language")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    /** The one answer to every accepted subscribe request. */
    public record Accepted(String status, String message) {
    }

    static final Accepted ACCEPTED = new Accepted("accepted",
            "If this address can receive mail, a confirmation link is on its way.");

    private final SubscriptionService subscriptions;
    private final SubscribeLimits limits;
    private final LinkTokens linkTokens;
    private final NoticeSender notices;
    private final TopicTagger tagger;

    public SubscriptionResource(SubscriptionService subscriptions, SubscribeLimits limits, LinkTokens linkTokens,
            NoticeSender notices, TopicTagger tagger) {
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.linkTokens = linkTokens;
        this.notices = notices;
        this.tagger = tagger;
    }

    /** 202 for every acceptable request, known address or not; the mail says the rest. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "Subscribe an address (double opt-in)",
            description = "Body: {email, filters: {keywords, topics, kinds, stages, idPrefixes, changeTypes}, delivery: "
                    + "INSTANT|DAILY|WEEKLY, language: zh|en|both}. The address gets a confirmation link and nothing "
                    + "else until it is followed. The answer is the same whether or not the address is known.")
    @APIResponse(responseCode = "202", description = "Accepted; a confirmation (or settings) link is mailed")
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown property, a bad address or an unknown "
            + "filter value", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "Too many requests for this address or from this client; see "
            + "Retry-After", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response subscribe(SubscribeRequest request, @Context HttpServerRequest http) {
        limits.checkClient(http.remoteAddress().hostAddress());
        if (request == null) {
            throw new InvalidRequestException("body must be a JSON object such as {\"email\": \"you@example.org\"}");
        }
        EmailAddress email = request.address();
        Preferences preferences = request.preferences().withKnownTopics(tagger);
        limits.checkAddress(email);
        try {
            subscriptions.subscribe(email, preferences);
        } catch (PersistenceException e) {
            // Another request created the same address first (unique email); this time it is found.
            subscriptions.subscribe(email, preferences);
        }
        notices.wake();
        return Response.accepted(ACCEPTED).build();
    }

    /** The subscription the manage link names. */
    @GET
    @Path("manage")
    @Operation(summary = "A subscription's settings, by the token of its settings link")
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "400", description = "A token this service did not sign", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "410", description = "An expired link", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public SubscriptionView show(@Parameter(description = "The token of the settings link in a mail") @QueryParam("token") String token) {
        return SubscriptionView.of(managed(token));
    }

    /** Changes the settings given in the body; the others stay. An ended subscription answers 409. */
    @PUT
    @Path("manage")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "Change a subscription's settings", description = "Parts left out of the body stay as they are.")
    @APIResponse(responseCode = "200", description = "The new settings")
    @APIResponse(responseCode = "409", description = "The subscription has ended", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "400", description = "A token this service did not sign, or a bad body", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "410", description = "An expired link", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public SubscriptionView change(@Parameter(description = "The token of the settings link in a mail") @QueryParam("token") String token, PreferencesRequest request) {
        Subscription current = managed(token);
        if (request == null) {
            throw new InvalidRequestException("body must be a JSON object such as {\"delivery\": \"DAILY\"}");
        }
        Preferences preferences = request.preferences().withKnownTopics(tagger);
        if (current.status == SubscriptionStatus.UNSUBSCRIBED) {
            throw new ClientErrorException("this subscription has ended; subscribe again to receive alerts",
                    Response.Status.CONFLICT);
        }
        return SubscriptionView.of(linkTokens.follow(token, Tokens.Purpose.MANAGE,
                id -> subscriptions.update(id, preferences)));
    }

    /** Ends the subscription (status UNSUBSCRIBED, queued mails cancelled); 204, also when it had ended already. */
    @DELETE
    @Path("manage")
    @Operation(summary = "End a subscription", description = "Queued mails are cancelled. Also 204 when it had ended.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "400", description = "A token this service did not sign", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "410", description = "An expired link", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response delete(@Parameter(description = "The token of the settings link in a mail") @QueryParam("token") String token) {
        linkTokens.follow(token, Tokens.Purpose.MANAGE, subscriptions::end);
        return Response.noContent().build();
    }

    @ServerExceptionMapper
    public Response badLink(BadLinkException e) {
        return Response.status(e.expired() ? Response.Status.GONE : Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(e.getMessage())).build();
    }

    private Subscription managed(String token) {
        return linkTokens.follow(token, Tokens.Purpose.MANAGE, subscriptions::find);
    }
}
