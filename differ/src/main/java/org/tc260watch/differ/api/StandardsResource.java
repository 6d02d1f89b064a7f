package org.tc260watch.differ.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.tc260watch.differ.topology.DifferTopology;
import org.tc260watch.events.StandardState;

/**
 * Debugging view of this instance's part of the standards store (interactive query). The public read side is the
 * notifier; with several differ instances a key may live on another one.
 */
@Path("/api/standards")
@Produces(MediaType.APPLICATION_JSON)
public class StandardsResource {

    private final KafkaStreams streams;

    StandardsResource(KafkaStreams streams) {
        this.streams = streams;
    }

    /** {@code GET /api/standards?key=GB/T 35273-2020}: any key the standard has or had. */
    @GET
    public StandardState get(@QueryParam("key") String key) {
        if (key == null || key.isBlank()) {
            throw new WebApplicationException(Response.status(400)
                    .entity(java.util.Map.of("error", "query parameter 'key' is required")).build());
        }
        ReadOnlyKeyValueStore<String, StandardState> store = store();
        StandardState state = store.get(key);
        if (state == null) {
            // The store is keyed by origin key; a migrated key is found by its current or previous keys (debug use).
            try (KeyValueIterator<String, StandardState> all = store.all()) {
                while (state == null && all.hasNext()) {
                    StandardState s = all.next().value;
                    if (key.equals(s.key()) || s.previousKeys().contains(key)) {
                        state = s;
                    }
                }
            }
        }
        if (state == null) {
            throw new NotFoundException("no standard " + key + " on this instance");
        }
        return state;
    }

    /** {@code GET /api/standards/GB/T 35273-2020}: the same, with the key in the path (slashes allowed). */
    @GET
    @Path("{key: .+}")
    public StandardState byPath(@PathParam("key") String key) {
        return get(key);
    }

    private ReadOnlyKeyValueStore<String, StandardState> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(DifferTopology.STANDARDS_STORE,
                    QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new WebApplicationException("state store not ready: " + e.getMessage(), 503);
        }
    }
}
