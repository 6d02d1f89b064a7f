package org.tc260watch.scraper.source.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.SiteAddress;

/** The fixture files beside these tests, as pages fetched from the real site's address. */
final class PortalFixtures {

    static final SiteAddress SITE = new SiteAddress(URI.create("https://www.tc260.org.cn"));

    private PortalFixtures() {
    }

    static FetchedPage page(String fixture, String path) {
        return html(read(fixture), path);
    }

    static FetchedPage html(String body, String path) {
        URI url = SITE.at(path);
        return new FetchedPage(url, url, 200, "text/html;charset=UTF-8", StandardCharsets.UTF_8, body,
                body.getBytes(StandardCharsets.UTF_8).length, Instant.parse("2026-08-27T05:54:04Z"));
    }

    static String read(String fixture) {
        try (InputStream in = PortalFixtures.class.getResourceAsStream(fixture)) {
            assertThat(in).as("fixture " + fixture).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
