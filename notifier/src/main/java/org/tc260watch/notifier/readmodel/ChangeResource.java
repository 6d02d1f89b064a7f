package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.web.InvalidRequestException;
import org.tc260watch.notifier.web.UnknownResourceException;

/** The change feed: every stored change, newest first, paged with opaque cursors. */
@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final ObjectMapper json = EventJson.mapper();

    @GET
    public ChangePage list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        int size = parseLimit(limit);
        List<StoredChange> rows;
        if (after == null) {
            rows = StoredChange.findAll(Sort.descending("seq")).range(0, size).list();
        } else {
            long before = parseCursor(after);
            rows = StoredChange.find("seq < ?1", Sort.descending("seq"), before).range(0, size).list();
        }
        // range() is inclusive: one row more than asked, which tells whether an older page exists.
        boolean more = rows.size() > size;
        List<StoredChange> page = more ? rows.subList(0, size) : rows;
        List<JsonNode> items = new ArrayList<>(page.size());
        for (StoredChange row : page) {
            items.add(readPayload(row));
        }
        String next = more ? ChangeCursor.encode(page.get(page.size() - 1).seq) : null;
        return new ChangePage(items, next);
    }

    @GET
    @Path("{id}")
    public JsonNode get(@PathParam("id") String id) {
        StoredChange row = StoredChange.findById(id);
        if (row == null) {
            throw new UnknownResourceException("no change with id " + id);
        }
        return readPayload(row);
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
    }

    private static long parseCursor(String after) {
        try {
            return ChangeCursor.decode(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("after: " + e.getMessage());
        }
    }

    private JsonNode readPayload(StoredChange row) {
        try {
            return json.readTree(row.payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change " + row.id + " is not JSON", e);
        }
    }
}
