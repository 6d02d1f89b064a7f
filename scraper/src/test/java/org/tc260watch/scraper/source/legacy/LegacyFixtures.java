package org.tc260watch.scraper.source.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.SiteAddress;

/** The legacy fixtures beside the tests, as fetched pages. */
final class LegacyFixtures {

    static final SiteAddress SITE = new SiteAddress(URI.create("https://www.tc260.org.cn"));

    private LegacyFixtures() {
    }

    /** A UTF-8 fixture as if fetched from {@code pathAndQuery}. */
    static FetchedPage fetched(String fixture, String pathAndQuery) {
        return fetched(fixture, pathAndQuery, StandardCharsets.UTF_8);
    }

    /** A fixture decoded with {@code charset}, as the fetcher does with the header's charset. */
    static FetchedPage fetched(String fixture, String pathAndQuery, Charset charset) {
        byte[] bytes = bytes(fixture);
        return page(new String(bytes, charset), pathAndQuery, charset, bytes.length);
    }

    static FetchedPage page(String body, String pathAndQuery) {
        return page(body, pathAndQuery, StandardCharsets.UTF_8, body.getBytes(StandardCharsets.UTF_8).length);
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = LegacyFixtures.class.getResourceAsStream(fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FetchedPage page(String body, String pathAndQuery, Charset charset, long bytes) {
        URI url = SITE.at(pathAndQuery);
        return new FetchedPage(url, url, 200, "text/html;charset=" + charset.name(), charset, body, bytes,
                Instant.parse("2025-09-20T02:00:00Z"));
    }
}
