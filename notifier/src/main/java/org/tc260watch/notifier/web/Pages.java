package org.tc260watch.notifier.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * What every server-rendered page shares: the layout ({@code templates/pages/layout.html}, with the stylesheet
 * {@code /assets/site.css}), the one-message page and the response headers.
 */
public final class Pages {

    /**
     * Only this origin: styles and scripts are files the service serves ({@code /assets/}), never inline, so scraped
     * text that slipped through escaping still could not run; no plugins, no framing, forms post only here.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** A page that says one thing, optionally with one link. */
    public record Message(String title, List<String> lines, URI link, String linkText) {
    }

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance message(Message message);
    }

    private Pages() {
    }

    public static TemplateInstance message(Message message) {
        return Templates.message(message);
    }

    /** An HTML page in UTF-8 with the headers of every page; callers add their own (caching, referrer). */
    public static Response.ResponseBuilder html(Response.StatusType status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .entity(page.render());
    }
}
