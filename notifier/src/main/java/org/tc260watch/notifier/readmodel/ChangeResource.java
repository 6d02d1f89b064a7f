package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.web.ApiError;
import org.tc260watch.notifier.web.ConditionalGet;
import org.tc260watch.notifier.web.InvalidRequestException;
import org.tc260watch.notifier.web.RenderedResponses;
import org.tc260watch.notifier.web.UnknownResourceException;

/** The change feed as JSON: every stored change, newest first, filtered, paged with opaque cursors. */
@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "changes", description = "Changes to TC260 standards, as published on the Kafka topic tc260.changes")
public class ChangeResource {

    private final ObjectMapper json = EventJson.mapper();
    private final ChangeQuery changes;
    private final RenderedResponses rendered;
    /** The application's mapper: what the response writer would use for a ChangePage. */
    private final ObjectMapper writer;

    public ChangeResource(ChangeQuery changes, RenderedResponses rendered, ObjectMapper writer) {
        this.changes = changes;
        this.rendered = rendered;
        this.writer = writer;
    }

    @GET
    @Operation(summary = "List changes, newest first",
            description = "Filters: OR within one parameter (repeat it or separate values by commas), AND across "
                    + "parameters. Items are the change events exactly as published on tc260.changes; their order "
                    + "(arrival order) never changes, so a cursor stays valid. Answers 304 to If-None-Match with the "
                    + "ETag of an unchanged page.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            headers = @Header(name = "ETag", description = "Tag of this page's content"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is the page's ETag")
    @APIResponse(responseCode = "400", description = "An unknown filter value, a bad limit or a cursor this API did "
            + "not hand out", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    public Response list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to " + PageSize.MAX + " (default " + PageSize.DEFAULT + ")")
            @QueryParam("limit") String limit,
            @BeanParam ChangeFilterParams filters,
            @Context Request request) {
        ChangeFilter filter = filters.filter();
        int size = PageSize.parse(limit);
        Long before = after == null || after.isBlank() ? null : parseCursor(after);
        return rendered.respond("changes", filter.canonical() + " " + size + " " + before, request, () -> {
            ChangeQuery.ChangeSlice slice = changes.newestFirst(filter, before, size);
            List<Long> seqs = slice.items().stream().map(c -> c.seq).toList();
            return new RenderedResponses.Rendered(ConditionalGet.tagOf("changes", filter.canonical(), size, before, seqs,
                    slice.nextBeforeSeq()), bytes(page(slice)));
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One change, by its id")
    @APIResponse(responseCode = "200", description = "The change event as published on tc260.changes")
    @APIResponse(responseCode = "404", description = "No change with this id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public JsonNode get(@Parameter(description = "Change id") @PathParam("id") String id) {
        return payloadOf(changes.byId(id).orElseThrow(() -> new UnknownResourceException("no change with id " + id)));
    }

    private ChangePage page(ChangeQuery.ChangeSlice slice) {
        List<JsonNode> items = new ArrayList<>(slice.items().size());
        for (StoredChange row : slice.items()) {
            items.add(payloadOf(row));
        }
        Long next = slice.nextBeforeSeq();
        return new ChangePage(items, next == null ? null : ChangeCursor.encode(next));
    }

    private byte[] bytes(ChangePage page) {
        try {
            return writer.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a page of changes", e);
        }
    }

    private static long parseCursor(String after) {
        try {
            return ChangeCursor.decode(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("after: " + e.getMessage());
        }
    }

    /** The change exactly as received: the JSON document, not a re-serialisation of the record. */
    JsonNode payloadOf(StoredChange row) {
        try {
            return json.readTree(row.payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change " + row.id + " is not JSON", e);
        }
    }
}
