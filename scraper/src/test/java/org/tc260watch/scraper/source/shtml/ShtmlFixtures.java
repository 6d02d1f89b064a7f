package org.tc260watch.scraper.source.shtml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.SiteAddress;

/** The fixtures beside these tests, as the fetcher would hand them over. */
final class ShtmlFixtures {

    static final SiteAddress SITE = new SiteAddress(URI.create("https://www.tc260.org.cn"));
    static final String HTML = "text/html;charset=UTF-8";
    static final String JSON = "application/json;charset=UTF-8";

    private ShtmlFixtures() {
    }

    static String read(String name, Charset charset) {
        try (InputStream in = ShtmlFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fixture {@code name} as the answer to site path {@code path}. */
    static FetchedPage page(String name, String path) {
        return page(name, path, name.endsWith(".json") ? JSON : HTML, StandardCharsets.UTF_8);
    }

    static FetchedPage page(String name, String path, String contentType, Charset charset) {
        return body(read(name, charset), path, contentType);
    }

    static FetchedPage body(String body, String path, String contentType) {
        URI url = SITE.at(path);
        return new FetchedPage(url, url, 200, contentType, StandardCharsets.UTF_8, body, body.length(),
                Instant.parse("2026-09-20T02:00:00Z"));
    }
}
