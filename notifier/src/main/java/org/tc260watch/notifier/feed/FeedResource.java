package org.tc260watch.notifier.feed;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.label.Glossary;
import org.tc260watch.notifier.readmodel.ChangeFilter;
import org.tc260watch.notifier.readmodel.ChangeFilterParams;
import org.tc260watch.notifier.readmodel.ChangeQuery;
import org.tc260watch.notifier.readmodel.PageSize;
import org.tc260watch.notifier.readmodel.StandardQuery;
import org.tc260watch.notifier.readmodel.StoredChange;
import org.tc260watch.notifier.readmodel.StoredStandard;
import org.tc260watch.notifier.web.ApiError;
import org.tc260watch.notifier.web.ConditionalGet;
import org.tc260watch.notifier.web.RenderedResponses;

/**
 * The change feeds (Atom, JSON Feed) and the calendar of open comment periods. Every response carries an ETag (a hash
 * of its body) and {@code Cache-Control: no-cache}; {@code If-None-Match} with that tag is answered 304.
 */
@Path("/feeds")
@Tag(name = "Feeds", description = "Atom and JSON Feed of the changes, iCalendar of the open comment periods")
public class FeedResource {

    static final String TITLE = "TC260 标准变更 / TC260 standard changes";

    private final ChangeQuery changes;
    private final StandardQuery standards;
    private final FeedEntries entries;
    private final Clock clock;
    private final NotifierConfig config;
    private final RenderedResponses rendered;

    public FeedResource(ChangeQuery changes, StandardQuery standards, NotifierConfig config, Clock clock,
            Glossary glossary, RenderedResponses rendered) {
        this.rendered = rendered;
        this.changes = changes;
        this.standards = standards;
        this.config = config;
        this.clock = clock;
        this.entries = new FeedEntries(config.publicUrl(), config.digest().zone(), glossary);
    }

    @GET
    @Path("changes.atom")
    @Produces(AtomFeedWriter.MEDIA_TYPE + "; charset=utf-8")
    @Operation(summary = "Atom feed of the changes",
            description = "Atom 1.0 (RFC 4287), newest first. Entry id = urn:tc260-watch:change:<change id>, stable for "
                    + "ever; entry title = what happened and the standard's title; content = a short HTML summary with "
                    + "links to the TC260 pages and to the standard's page. Same filters as /api/changes.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = AtomFeedWriter.MEDIA_TYPE),
            headers = @Header(name = "ETag", description = "Send it back as If-None-Match"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "An unknown filter value or a bad limit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Response atom(@BeanParam ChangeFilterParams params,
            @QueryParam("limit") @Parameter(description = "Entries, 1 to 200 (default 50)") String limit,
            @Context Request request) {
        return cachedFeed("changes.atom", params.filter(), limit, request, AtomFeedWriter::write);
    }

    @GET
    @Path("changes.json")
    @Produces(JsonFeedWriter.MEDIA_TYPE + "; charset=utf-8")
    @Operation(summary = "JSON Feed of the changes",
            description = "JSON Feed 1.1 (https://jsonfeed.org/version/1.1), the same entries as the Atom feed. Each item "
                    + "has the change as stored under _tc260_watch.change and its sequence number (the SSE event id) "
                    + "under _tc260_watch.seq.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = JsonFeedWriter.MEDIA_TYPE),
            headers = @Header(name = "ETag", description = "Send it back as If-None-Match"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "An unknown filter value or a bad limit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Response json(@BeanParam ChangeFilterParams params,
            @QueryParam("limit") @Parameter(description = "Items, 1 to 200 (default 50)") String limit,
            @Context Request request) {
        return cachedFeed("changes.json", params.filter(), limit, request, JsonFeedWriter::write);
    }

    @GET
    @Path("deadlines.ics")
    @Produces(DeadlineCalendarWriter.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "iCalendar of the open comment periods",
            description = "One all-day event per standard open for comment, on its deadline (RFC 5545). The UID comes "
                    + "from the standard's first key, so it stays when the standard is renumbered; when the deadline "
                    + "moves the event moves and its SEQUENCE and LAST-MODIFIED increase; when the period closes the "
                    + "event leaves the file. Subscribe to it in a calendar program.")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = DeadlineCalendarWriter.MEDIA_TYPE),
            headers = @Header(name = "ETag", description = "Send it back as If-None-Match"))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response deadlines(@Context Request request) {
        LocalDate today = LocalDate.now(clock.withZone(config.digest().zone()));
        List<OpenPeriod> periods = standards.openForComment(today).stream().map(this::openPeriod).toList();
        return conditional(request, DeadlineCalendarWriter.write(periods));
    }

    /**
     * The tag is a digest of the body itself: a feed is rendered only from stored data, so the same data gives the
     * same bytes and tag, and any new entry or moved deadline another.
     */
    private static Response conditional(Request request, String body) {
        return ConditionalGet.respond(request, ConditionalGet.tagOf(body), () -> body);
    }

    /** A change feed, rendered once per state of the stored changes (its tag, as below, is a digest of the body). */
    private Response cachedFeed(String file, ChangeFilter filter, String limit, Request request,
            Function<ChangeFeed, String> writer) {
        int size = PageSize.parse(limit);
        return rendered.respond(file, filter.canonical() + " " + size, request, () -> {
            String body = writer.apply(changeFeed(filter, size, file));
            return new RenderedResponses.Rendered(ConditionalGet.tagOf(body), body.getBytes(StandardCharsets.UTF_8));
        });
    }

    private ChangeFeed changeFeed(ChangeFilter filter, int size, String file) {
        List<FeedEntry> items = changes.newestFirst(filter, null, size).items().stream().map(this::entry).toList();
        URI self = link(UriBuilder.fromUri(config.publicUrl()).path("feeds").path(file), filter, size);
        URI home = link(UriBuilder.fromUri(config.publicUrl()).path("/"), filter, PageSize.DEFAULT);
        String title = filter.isEmpty() ? TITLE : TITLE + " (" + filter.describe() + ")";
        return ChangeFeed.of(FeedIds.changeFeed(filter.isEmpty() ? "" : filter.canonical()), title, self, home, items);
    }

    private FeedEntry entry(StoredChange change) {
        return entries.entry(change.seq, change.payload, change.receivedAt, change.topicList());
    }

    private OpenPeriod openPeriod(StoredStandard standard) {
        return new OpenPeriod(standard.origin, standard.title, standard.commentStart, standard.commentEnd,
                standard.version, standard.updatedAt, entries.standardPage(standard.key), standard.state().sourceUrls());
    }

    /**
     * The link with the filter (and a limit other than the default) as query parameters, in a stable order. Encoded
     * here, not by UriBuilder, which would read a brace in {@code q} as a template.
     */
    private static URI link(UriBuilder base, ChangeFilter filter, int limit) {
        String query = filter.toQuery();
        if (limit != PageSize.DEFAULT) {
            query = query.isEmpty() ? "limit=" + limit : query + "&limit=" + limit;
        }
        return query.isEmpty() ? base.build() : base.replaceQuery(query).build();
    }
}
