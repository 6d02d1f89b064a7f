package org.tc260watch.notifier.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.monitoring.NotifierMetrics;
import org.tc260watch.notifier.readmodel.ReadModelVersion;

/**
 * Responses rendered from the stored changes, kept with their ETag under the {@link ReadModelVersion} they were
 * rendered at: while the version stays the same, a request answers from them, a 200 with the kept bytes or a 304,
 * without a query or a rendering. The tag is still the one the renderer computed from the content, so it means the same
 * on every instance and across restarts. Bounded by {@code notifier.read-cache.max-bytes}.
 */
@ApplicationScoped
public class RenderedResponses {

    /** What a renderer makes: the body and its tag. */
    public record Rendered(EntityTag tag, byte[] body) {
    }

    private record Kept(ReadModelVersion.Version version, Rendered rendered) {
    }

    private final ReadModelVersion version;
    private final NotifierMetrics metrics;
    private final Cache<String, Kept> kept;

    public RenderedResponses(ReadModelVersion version, NotifierMetrics metrics, NotifierConfig config) {
        this.version = version;
        this.metrics = metrics;
        this.kept = Caffeine.newBuilder().maximumWeight(config.readCache().maxBytes())
                .<String, Kept>weigher((key, value) -> key.length() * 2 + value.rendered().body().length).build();
    }

    /**
     * @param endpoint names the endpoint in the metrics
     * @param request  the request, with its canonical form (filter, cursor, limit) in {@code key}
     * @param render   reads and renders; called only when nothing is kept for this key under the current version
     * @return {@link ConditionalGet#respond} with the kept or rendered response
     */
    public Response respond(String endpoint, String key, Request request, Supplier<Rendered> render) {
        // Taken before rendering: a change stored meanwhile makes this rendering stale, never the other way round.
        ReadModelVersion.Version now = version.current();
        Kept hit = kept.asMap().compute(endpoint + ' ' + key, (k, old) -> {
            if (old != null && old.version().equals(now)) {
                return old;
            }
            metrics.responseRendered(endpoint);
            return new Kept(now, render.get());
        });
        return ConditionalGet.respond(request, hit.rendered().tag(), () -> hit.rendered().body());
    }
}
