package org.tc260watch.scraper.source;

import java.net.URI;

/** Where the site is ({@code tc260.base-url}); a base may carry a path prefix, e.g. a relay. */
public record SiteAddress(URI baseUrl) {

    /** The site URL of an absolute site path such as {@code /portal/suggestion?page=2}. */
    public URI at(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("site paths start with '/': " + pathAndQuery);
        }
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + pathAndQuery);
    }
}
