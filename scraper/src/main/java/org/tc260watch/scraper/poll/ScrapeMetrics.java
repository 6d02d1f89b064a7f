package org.tc260watch.scraper.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import org.tc260watch.scraper.fetch.FetchException;
import org.tc260watch.scraper.source.ParsedPage;

/**
 * The meters of reading the site ({@code /q/metrics}). Tags stay few: the source (which is the list page type), the
 * page ({@code list} or {@code detail}), a status or outcome; never a URL or an item key.
 */
@Singleton
public class ScrapeMetrics {

    /** Counter: requests for pages, by {@code source}, {@code page} and {@code status}. */
    public static final String PAGES = "tc260.pages.fetched";
    /** Counter: bytes of page bodies received (after decompression), by {@code source} and {@code page}. */
    public static final String BYTES = "tc260.fetched";
    /** Counter: freshly fetched pages that did not read cleanly, by {@code source}, {@code page} and {@code outcome}. */
    public static final String PARSE_FAILURES = "tc260.parse.failures";
    /** Timer: how long one source's run took to read, by {@code source}. */
    public static final String POLL_DURATION = "tc260.poll.duration";

    /** {@code status} of a page answered with a body. */
    public static final String OK = "ok";
    /** {@code status} of a 304: the last parse of the page was reused. */
    public static final String NOT_MODIFIED = "not_modified";

    /** A list page of a source, or a detail page of one of its items. */
    public enum Page {
        LIST, DETAIL;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    @Inject
    public ScrapeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** For a poll loop built outside CDI (tests, the probe): the meters are kept, but nobody scrapes them. */
    public static ScrapeMetrics unpublished() {
        return new ScrapeMetrics(new SimpleMeterRegistry());
    }

    void fetched(String source, Page page, long bytes) {
        pages(source, page, OK).increment();
        Counter.builder(BYTES).baseUnit("bytes").description("Bytes of page bodies received")
                .tag("source", source).tag("page", page.tag()).register(registry).increment(bytes);
    }

    void notModified(String source, Page page) {
        pages(source, page, NOT_MODIFIED).increment();
    }

    /** {@code status}: {@code http_<code>} for an HTTP error status, else the kind of failure (timeout, refused, …). */
    void failed(String source, Page page, FetchException e) {
        String status = e.kind() == FetchException.Kind.HTTP_STATUS && e.status().isPresent()
                ? "http_" + e.status().getAsInt() : e.kind().name().toLowerCase(Locale.ROOT);
        pages(source, page, status).increment();
    }

    /** A freshly parsed page: counted when it is not the page type, or was read with problems. */
    void parsed(String source, Page page, ParsedPage parsed) {
        String outcome = switch (parsed.verdict()) {
            case SOFT_404 -> "soft_404";
            case UNRECOGNISED -> "unrecognised";
            default -> parsed.clean() ? null : "incomplete";
        };
        if (outcome != null) {
            Counter.builder(PARSE_FAILURES).description("Fetched pages that did not read cleanly")
                    .tag("source", source).tag("page", page.tag()).tag("outcome", outcome).register(registry)
                    .increment();
        }
    }

    void polled(String source, Duration took) {
        Timer.builder(POLL_DURATION).description("How long one source's run took to read")
                .tag("source", source).register(registry).record(took);
    }

    private Counter pages(String source, Page page, String status) {
        return Counter.builder(PAGES).description("Page requests, by outcome")
                .tag("source", source).tag("page", page.tag()).tag("status", status).register(registry);
    }
}
