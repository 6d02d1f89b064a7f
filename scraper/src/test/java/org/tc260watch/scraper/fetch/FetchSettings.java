package org.tc260watch.scraper.fetch;

import java.time.Duration;
import org.tc260watch.scraper.config.ScraperConfig;

/**
 * Fetch settings for tests outside Quarkus: short timeouts and back-offs, so failures show quickly. Three attempts
 * per request, as in production.
 */
public record FetchSettings(Duration minDelay, long maxBodyBytes, int retryAttempts, Duration retryAfterCap)
        implements ScraperConfig.Fetch {

    public FetchSettings(Duration minDelay, long maxBodyBytes) {
        this(minDelay, maxBodyBytes, 3, Duration.ofSeconds(3));
    }

    public static PageFetcher fetcher(Duration minDelay, long maxBodyBytes) {
        return new PageFetcher(new FetchSettings(minDelay, maxBodyBytes));
    }

    @Override
    public String userAgent() {
        return "tc260-watch/test (+https://example.org/contact)";
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration readTimeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int maxRedirects() {
        return 3;
    }

    @Override
    public Duration retryInitialBackoff() {
        return Duration.ofMillis(20);
    }

    @Override
    public Duration retryMaxBackoff() {
        return Duration.ofMillis(100);
    }

    @Override
    public Duration robotsTtl() {
        return Duration.ofHours(1);
    }
}
