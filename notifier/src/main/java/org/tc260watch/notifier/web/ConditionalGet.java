package org.tc260watch.notifier.web;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * ETags and {@code If-None-Match} for the read-only endpoints. The tag is a digest of what identifies the response's
 * content (the filter, the ids and versions of what it lists), which is stored and never recomputed: the same tag means
 * the same body, so a client that has it gets a {@code 304} with no body.
 */
public final class ConditionalGet {

    /** Clients and proxies may keep a response, but must ask again (cheaply, with the tag) before using it. */
    private static final CacheControl REVALIDATE;

    static {
        REVALIDATE = new CacheControl();
        REVALIDATE.setNoCache(true);
    }

    private ConditionalGet() {
    }

    /** A strong tag from the parts that determine a response body. */
    public static EntityTag tagOf(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return new EntityTag(HexFormat.of().formatHex(digest.digest(), 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * @param body built only when the client does not have the tag already
     * @return {@code 304} when {@code If-None-Match} names the tag, otherwise {@code 200} with the body; both carry the
     *         tag and {@code Cache-Control: no-cache}
     */
    public static Response respond(Request request, EntityTag tag, java.util.function.Supplier<Object> body) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(body.get());
        return builder.tag(tag).cacheControl(REVALIDATE).build();
    }
}
