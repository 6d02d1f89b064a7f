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

    /**
     * Random delay before each scheduled poll, as a fraction of the poll interval ({@code TC260_POLL_JITTER}, 0 to
     * 0.5), so our requests do not hit the site at the same minute every time.
     */
    @WithDefault("0.1")
    double pollJitter();

    /**
     * How often each source is read in full ({@code TC260_FULL_RECRAWL_INTERVAL}): every list page to the end and
     * every detail page, and every generation's entry points probed. In between, polls stop at an already-known
     * stretch of the list and fetch detail pages only for new or changed items.
     */
    @WithDefault("24h")
    Duration fullRecrawlInterval();

    /**
     * How often a source whose page type is absent from the site (its page 1 is a soft 404: the site answers its
     * homepage) is read again while its generation is live ({@code TC260_ABSENT_RECHECK_INTERVAL}); in between, each
     * poll restates its last verdict (FAILED) without asking the site. A page type that appears is found within this
     * interval plus one poll interval. {@code 0s}: read it in every poll.
     */
    @WithDefault("6h")
    Duration absentRecheckInterval();

    /**
     * Requests that may fail in a row (HTTP 5xx/429, timeouts, dropped or refused connections, each after its
     * retries) before a poll stops asking the site and fails what is left ({@code TC260_MAX_FAILURES_IN_A_ROW}).
     */
    @WithDefault("3")
    int maxFailuresInARow();

    /** How long a poll waits for Kafka to acknowledge what it published. */
    @WithDefault("30s")
    Duration publishTimeout();

    Fetch fetch();

    Health health();

    /** What readiness ({@code /q/health/ready}) expects of the polls. */
    interface Health {

        /**
         * The scraper is not ready once its last delivered poll, or the last successful read of every watched source,
         * is older than this ({@code TC260_HEALTH_STALE_AFTER}). Unset: 3 × {@code tc260.poll-interval}; when the
         * interval is {@code off} (no scheduled polls), never stale.
         */
        Optional<Duration> staleAfter();
    }

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

        /**
         * Attempts per request (1 = no retry). Retried: HTTP 5xx and 429, timeouts and dropped connections; not
         * retried: refused connections, 4xx, oversized bodies, refused redirects.
         */
        @WithDefault("3")
        int retryAttempts();

        /** Wait before the first retry; doubled for each further one, up to {@link #retryMaxBackoff()}. */
        @WithDefault("2s")
        Duration retryInitialBackoff();

        @WithDefault("60s")
        Duration retryMaxBackoff();

        /** A {@code Retry-After} (on 429 and 503) is honoured up to this long; longer ones are cut to it. */
        @WithDefault("120s")
        Duration retryAfterCap();

        /** robots.txt is fetched at most once per host in this time, and obeyed. */
        @WithDefault("24h")
        Duration robotsTtl();
    }
}
