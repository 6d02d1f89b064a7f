package org.tc260watch.notifier.feed;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Answers a feed request with 200 or, when the client already has this very body ({@code If-None-Match}), 304. The
 * entity tag is a hash of the body itself: a feed is rendered only from stored data, so the same data gives the same
 * bytes and the same tag, and any new entry, moved deadline or other change of what is shown gives another.
 */
public final class ConditionalGet {

    /** Feed readers poll; a minute of caching spares the database without hiding a change for long. */
    static final int MAX_AGE_SECONDS = 60;

    private ConditionalGet() {
    }

    public static Response respond(Request request, String body, String mediaType) {
        EntityTag tag = tagOf(body);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        cache.setNoTransform(false);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        return Response.ok(body, mediaType).tag(tag).cacheControl(cache).build();
    }

    static EntityTag tagOf(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
