package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.tc260watch.notifier.web.UnknownResourceException;

/**
 * The catalogue: the current state of every standard (from {@code tc260.standards}) with its topic tags, and one
 * standard with its whole change history.
 */
@Path("/api/standards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "standards", description = "The current state of every TC260 standard, guide, document and report")
public class StandardResource {

    private static final String ERROR_DESCRIPTION = "An unknown filter value, a bad limit or a cursor this API did "
            + "not hand out";

    private final ObjectMapper json = EventJson.mapper();
    private final StandardQuery standards;
    private final ChangeQuery changes;

    public StandardResource(StandardQuery standards, ChangeQuery changes) {
        this.standards = standards;
        this.changes = changes;
    }

    @GET
    @Operation(summary = "List standards by key",
            description = "Each item is the standard's state as on tc260.standards, plus its topic tags. Filters as "
                    + "for /api/changes (without type).")
    @APIResponse(responseCode = "200", description = "A page of standards",
            headers = @Header(name = "ETag", description = "Tag of this page's content"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is the page's ETag")
    @APIResponse(responseCode = "400", description = ERROR_DESCRIPTION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to " + PageSize.MAX + " (default " + PageSize.DEFAULT + ")")
            @QueryParam("limit") String limit,
            @Parameter(description = "Kind of item, e.g. COMMENT_DRAFT_NOTICE, PUBLISHED_STANDARD")
            @QueryParam("kind") List<String> kind,
            @Parameter(description = "Current stage, by name (PUBLISHED) or label (已发布)")
            @QueryParam("stage") List<String> stage,
            @Parameter(description = "Topic tag, e.g. personal-information") @QueryParam("topic") List<String> topic,
            @Parameter(description = "Text in the title, a former title, an identifier or a key")
            @QueryParam("q") String q,
            @Context Request request) {
        ChangeFilter filter = ChangeFilter.of(null, kind, stage, topic, q);
        int size = PageSize.parse(limit);
        String afterKey = after == null || after.isBlank() ? null : parseCursor(after);
        StandardQuery.StandardSlice slice = standards.page(filter, afterKey, size);
        List<String> versions = slice.items().stream().map(s -> s.origin + "@" + s.version).toList();
        return ConditionalGet.respond(request, ConditionalGet.tagOf("standards", filter.canonical(), size, afterKey,
                versions), () -> {
                    List<JsonNode> items = new ArrayList<>();
                    slice.items().forEach(s -> items.add(standardJson(s)));
                    String next = slice.nextAfterKey();
                    return new ChangePage(items, next == null ? null : ChangeCursor.encodeKey(next));
                });
    }

    @GET
    @Path("{key: .+}")
    @Operation(summary = "One standard with its whole change history",
            description = "By its current key or any key it had (a draft's title key still finds the published "
                    + "GB/T). The answer is {standard, history}: history lists its changes oldest first, as published.")
    @APIResponse(responseCode = "200", description = "The standard and its history",
            headers = @Header(name = "ETag", description = "Tag of this content"))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No standard is or was known by this key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response get(@Parameter(description = "Standard key, e.g. GB/T 45574-2025") @PathParam("key") String key,
            @Context Request request) {
        StoredStandard standard = standards.byKey(key)
                .orElseThrow(() -> new UnknownResourceException("no standard is or was known by key " + key));
        List<StoredChange> history = changes.historyOf(standard);
        List<Long> seqs = history.stream().map(c -> c.seq).toList();
        return ConditionalGet.respond(request, ConditionalGet.tagOf("standard", standard.origin, standard.version,
                seqs), () -> {
                    ObjectNode body = json.createObjectNode();
                    body.set("standard", standardJson(standard));
                    ArrayNode list = body.putArray("history");
                    history.forEach(c -> list.add(read(c.payload, c.id)));
                    return body;
                });
    }

    private JsonNode standardJson(StoredStandard standard) {
        ObjectNode node = (ObjectNode) read(standard.payload, standard.origin);
        ArrayNode topics = node.putArray("topics");
        standard.topicList().forEach(topics::add);
        return node;
    }

    private JsonNode read(String payload, String what) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " is not stored as JSON", e);
        }
    }

    private static String parseCursor(String after) {
        try {
            return ChangeCursor.decodeKey(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("after: " + e.getMessage());
        }
    }
}
