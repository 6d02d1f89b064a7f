package org.tc260watch.scraper.fetch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One page to ask the site for: a GET of {@link #url()}, or, with a {@link #formBody()}, a POST of that
 * {@code application/x-www-form-urlencoded} body (the legacy published-standards query pages by form).
 *
 * <p>Only GETs are conditional (ETag / Last-Modified): a server answers a conditional POST with 412, not 304.
 *
 * @param url      the URL asked for
 * @param formBody the encoded form of a POST ({@code start=10&length=10}); null for a GET
 */
public record PageRequest(URI url, String formBody) {

    public PageRequest {
        Objects.requireNonNull(url, "url");
    }

    public static PageRequest get(URI url) {
        return new PageRequest(url, null);
    }

    /** A form POST with an already encoded body. */
    public static PageRequest post(URI url, String formBody) {
        return new PageRequest(url, Objects.requireNonNull(formBody, "formBody"));
    }

    /** A form POST of these fields, in the map's order, encoded as UTF-8. */
    public static PageRequest postForm(URI url, Map<String, String> fields) {
        return post(url, fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    public boolean isPost() {
        return formBody != null;
    }

    public String method() {
        return isPost() ? "POST" : "GET";
    }

    /** Identifies the request among all others, e.g. as a cache key: {@code GET <url>} or {@code POST <url> <form>}. */
    public String key() {
        return isPost() ? "POST " + url + " " + formBody : "GET " + url;
    }

    /** The same request to another URL (a redirect): a POST stays a POST only for 307 and 308. */
    PageRequest redirectedTo(URI target, int status) {
        return isPost() && (status == 307 || status == 308) ? post(target, formBody) : get(target);
    }

    @Override
    public String toString() {
        return isPost() ? "POST " + url + " [" + formBody + "]" : url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
