package org.tc260watch.scraper.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the simulator received.
 *
 * @param method  HTTP method
 * @param path    the request path, e.g. {@code /portal/suggestion}
 * @param query   the raw query without {@code ?}, null when none
 * @param headers request headers, names lower-cased
 * @param state   the site state that answered
 * @param status  the HTTP status answered
 * @param at      when it arrived
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, int state, int status,
        Instant at) {

    /** Path plus {@code ?query} when there is one: the key of the routes. */
    public String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }

    /** First value of a header (any case), null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
