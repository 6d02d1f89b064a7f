package org.tc260watch.notifier.feed;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.tc260watch.notifier.readmodel.ChangeFilter;
import org.tc260watch.notifier.readmodel.ChangeFilterParams;
import org.tc260watch.notifier.web.ApiError;
import org.tc260watch.notifier.web.InvalidRequestException;

/** Server-sent events of the changes as they are stored, resumable with {@code Last-Event-ID}. */
@Path("/api/changes/stream")
@Tag(name = "Changes")
public class ChangeStreamResource {

    private final ChangeStream stream;

    public ChangeStreamResource(ChangeStream stream) {
        this.stream = stream;
    }

    @GET
    // A Multi would run on the IO thread; the starting point is read from the database first.
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // Each event's data is the stored change JSON, written as it is.
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "Stream of changes (server-sent events)",
            description = "One event per stored change matching the filters (same as /api/changes), oldest first: "
                    + "`id:` = the change's sequence number, `event:` = its type (e.g. standard.published), `data:` = "
                    + "the change JSON as published on tc260.changes. Without Last-Event-ID the stream starts with the "
                    + "next change stored; with it (or lastEventId) it first sends every matching change stored after "
                    + "that sequence number, then continues live, so a client that reconnects misses nothing "
                    + "(Last-Event-ID: 0 replays everything). A comment line is sent every 15 s when idle.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "400", description = "An unknown filter value or a Last-Event-ID that is not a sequence "
            + "number", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    public Multi<OutboundSseEvent> stream(@BeanParam ChangeFilterParams params,
            @HeaderParam("Last-Event-ID") @Parameter(description = "Resume after this event id (sent by EventSource "
                    + "when it reconnects)") String lastEventIdHeader,
            @QueryParam("lastEventId") @Parameter(description = "The same for clients that cannot set headers; the "
                    + "header wins when both are present, as a reconnecting EventSource sends both")
            String lastEventId,
            @Context Sse sse) {
        ChangeFilter filter = params.filter();
        String resumeFrom = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventId;
        long after = resumeFrom == null || resumeFrom.isBlank() ? stream.lastSeq() : parseSeq(resumeFrom);
        return stream.follow(filter, after, sse);
    }

    private static long parseSeq(String text) {
        try {
            long seq = Long.parseLong(text.strip());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("Last-Event-ID must be an event id sent by this stream (a whole number "
                + "from 0), got '" + text + "'");
    }
}
