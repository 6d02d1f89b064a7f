package org.tc260watch.scraper.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Everything the scraper can be told; environment variables are wired in {@code application.properties}. */
@ConfigMapping(prefix = "tc260")
public interface ScraperConfig {

    /** Scheme and host of the site, without a trailing path ({@code TC260_BASE_URL}). */
    @WithDefault("https://www.tc260.org.cn")
    URI baseUrl();

    /**
     * Time between scheduled polls ({@code TC260_POLL_INTERVAL}), in the scheduler's {@code every} syntax
     * ({@code 30m}, {@code 4h}); kept as text so {@code off} can disable scheduled polls.
     */
    @WithDefault("30m")
    String pollInterval();

    /** Delay before the first scheduled poll after start-up ({@code TC260_POLL_DELAY}). */
    @WithDefault("10s")
    String pollDelay();

    /** Bearer token of the admin endpoints ({@code ADMIN_TOKEN}); a random one is generated when absent. */
    Optional<String> adminToken();

    /** List pages read at most per source and poll, so a site that never ends its list cannot trap us. */
    @WithDefault("50")
    int maxPages();

    /** How long a poll waits for Kafka to acknowledge what it published. */
    @WithDefault("30s")
    Duration publishTimeout();

    Fetch fetch();

    /** The HTTP client towards the site. */
    interface Fetch {

        /** Names the project and a contact URL, so the site's operators know who is asking. */
        @WithDefault("tc260-watch/0.1 (+https://github.com/tc260-watch/tc260-watch; standards change monitor)")
        String userAgent();

        @WithDefault("10s")
        Duration connectTimeout();

        /** Time allowed for a whole response (headers and body). */
        @WithDefault("30s")
        Duration readTimeout();

        /** Minimum pause between two requests to the site; tests set 0. */
        @WithDefault("1s")
        Duration minDelay();

        /** Bodies larger than this are refused, not parsed (bytes on the wire after decompression). */
        @WithDefault("5242880")
        long maxBodyBytes();

        /** Same-host redirects followed at most; redirects to other hosts are never followed. */
        @WithDefault("5")
        int maxRedirects();
    }
}
