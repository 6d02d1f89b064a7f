package org.tc260watch.scraper.fetch;

import java.time.Duration;
import org.tc260watch.scraper.config.ScraperConfig;

/** Fetch settings for tests outside Quarkus: short timeouts, so failures show quickly. */
public record FetchSettings(Duration minDelay, long maxBodyBytes) implements ScraperConfig.Fetch {

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
}
