package org.tc260watch.scraper.fetch;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jboss.logging.Logger;
import org.tc260watch.scraper.config.ScraperConfig;
import org.tc260watch.scraper.fetch.FetchException.Kind;

/**
 * Reads pages from the site politely: only the configured site's host; one request at a time per host with a
 * minimum pause; robots.txt obeyed (read at most once per {@code robots-ttl}); retries with exponential back-off on
 * 5xx, 429, timeouts and dropped connections, honouring {@code Retry-After} (capped); conditional GET; gzip; time
 * limits; a body size cap; redirects only on the same host; the charset from the header, else the page's
 * {@code <meta>}, else UTF-8.
 */
@Singleton
public class PageFetcher {

    private static final Logger LOG = Logger.getLogger(PageFetcher.class);

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    /** {@code <meta charset="gbk">} and {@code <meta http-equiv="Content-Type" content="text/html; charset=gbk">}. */
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int META_SNIFF_BYTES = 4096;
    private static final int ROBOTS_MAX_BYTES = 512 * 1024;

    private final ScraperConfig.Fetch config;
    private final HttpClient client;
    /** Scheme, host and port every request must have; null: any (tests of the fetcher alone). */
    private final URI allowedOrigin;
    private final String productToken;
    private final Map<String, RequestPacer> pacers = new ConcurrentHashMap<>();
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();

    private record CachedRobots(RobotsRules rules, Instant fetchedAt) {
    }

    @Inject
    public PageFetcher(ScraperConfig config) {
        this(config.fetch(), config.baseUrl());
    }

    /** A fetcher that may ask any host (for tests of the fetcher itself). */
    public PageFetcher(ScraperConfig.Fetch config) {
        this(config, null);
    }

    /** A fetcher that asks only the host (scheme, host, port) of {@code site}. */
    public PageFetcher(ScraperConfig.Fetch config, URI site) {
        this.config = config;
        this.allowedOrigin = site == null ? null : URI.create(origin(site));
        this.productToken = config.userAgent().split("[/\\s]", 2)[0];
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // Redirects are handled here, so that none leads to another host.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** GETs a page; any answer but 2xx is a {@link FetchException}. */
    public FetchedPage get(URI url) throws FetchException {
        return fetch(PageRequest.get(url));
    }

    /** Fetches a page (GET or form POST) unconditionally; any answer but 2xx is a {@link FetchException}. */
    public FetchedPage fetch(PageRequest request) throws FetchException {
        return fetch(request, Validators.NONE).page().orElseThrow(
                () -> new FetchException(request.url(), "HTTP 304 to an unconditional request", 304, null));
    }

    /**
     * Fetches a page; for a GET with validators of the version the caller holds, the site may answer "not
     * modified" ({@link FetchResult#notModified()}), and the caller reuses what it made of that version.
     */
    public FetchResult fetch(PageRequest request, Validators known) throws FetchException {
        checkHost(request.url(), request.url());
        Validators sent = request.isPost() || known == null ? Validators.NONE : known;
        PageRequest current = request;
        long bytes = 0;
        for (int redirects = 0; ; redirects++) {
            checkRobots(request.url(), current.url());
            Validators hop = sent.forUrl(current.url());
            Answer answer = exchange(current, hop);
            bytes += answer.wireBytes();
            int status = answer.status();
            if (status == 304) {
                if (hop.isEmpty()) {
                    throw new FetchException(request.url(), "HTTP 304 to an unconditional request", 304, null);
                }
                return FetchResult.notModified(validatorsOf(answer.response()).orElse(hop));
            }
            if (status >= 300 && status < 400) {
                if (redirects >= config.maxRedirects()) {
                    throw new FetchException(request.url(), "more than " + config.maxRedirects() + " redirects",
                            status, null, Kind.REDIRECT);
                }
                current = current.redirectedTo(redirectTarget(request.url(), current.url(), answer), status);
                continue;
            }
            if (status < 200 || status >= 300) {
                throw new FetchException(request.url(), "HTTP " + status + " from " + current.url()
                        + answer.attemptsNote(), status, null, Kind.HTTP_STATUS);
            }
            String contentType = answer.response().headers().firstValue("Content-Type").orElse("");
            Charset charset = charsetOf(contentType, answer.body());
            String body = new String(answer.body(), charset);
            if (!body.isEmpty() && body.charAt(0) == '\uFEFF') {
                body = body.substring(1);
            }
            FetchedPage page = new FetchedPage(request.url(), current.url(), status, contentType, charset, body,
                    bytes, Instant.now());
            return FetchResult.fetched(page, validatorsOf(answer.response()).orElse(Validators.NONE));
        }
    }

    // --- hosts and robots.txt ------------------------------------------------------------------------------------

    private void checkHost(URI original, URI url) throws FetchException {
        // file:, ftp:, javascript: and the like are never asked for, whatever the page or the redirect says.
        if (url.getHost() == null || !("http".equalsIgnoreCase(url.getScheme())
                || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new FetchException(original, "not an absolute http(s) URL: " + url, null, null, Kind.NOT_ALLOWED);
        }
        if (allowedOrigin != null && !sameOrigin(allowedOrigin, url)) {
            throw new FetchException(original, "host not allowed (only " + allowedOrigin + "): " + url, null, null,
                    Kind.NOT_ALLOWED);
        }
    }

    private void checkRobots(URI original, URI url) throws FetchException {
        RobotsRules rules = robotsFor(original, url);
        String path = Optional.ofNullable(url.getRawPath()).filter(p -> !p.isEmpty()).orElse("/")
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        if (!rules.allows(path)) {
            throw new FetchException(original, "disallowed by robots.txt: " + path, null, null, Kind.NOT_ALLOWED);
        }
    }

    /**
     * The robots.txt rules of the URL's host, read at most once per {@code robots-ttl}. A missing robots.txt, a 4xx,
     * or an HTML answer (the site's soft 404) allows everything; a 5xx or network failure allows nothing until it
     * answers (RFC 9309 §2.3.1.4), unless an older copy is at hand.
     */
    private RobotsRules robotsFor(URI original, URI url) throws FetchException {
        String origin = origin(url);
        CachedRobots cached = robots.get(origin);
        if (cached != null && cached.fetchedAt().plus(config.robotsTtl()).isAfter(Instant.now())) {
            return cached.rules();
        }
        URI robotsUrl = URI.create(origin + "/robots.txt");
        RobotsRules rules;
        try {
            rules = readRobots(robotsUrl);
        } catch (FetchException e) {
            if (cached != null) {
                LOG.warnf("robots.txt of %s unavailable (%s); keeping the copy of %s", origin, e.getMessage(),
                        cached.fetchedAt());
                return cached.rules();
            }
            throw new FetchException(original, "robots.txt unavailable (" + e.getMessage() + "); not fetching "
                    + url, e.status().isPresent() ? e.status().getAsInt() : null, e, Kind.ROBOTS_UNAVAILABLE);
        }
        robots.put(origin, new CachedRobots(rules, Instant.now()));
        rules.crawlDelay().ifPresent(delay -> {
            Duration capped = delay.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : delay;
            pacerOf(url).atLeast(capped);
            LOG.infof("robots.txt of %s asks for a crawl delay of %s; pausing %s between requests", origin, delay,
                    capped);
        });
        return rules;
    }

    private RobotsRules readRobots(URI robotsUrl) throws FetchException {
        PageRequest current = PageRequest.get(robotsUrl);
        for (int redirects = 0; redirects <= config.maxRedirects(); redirects++) {
            Answer answer = exchange(current, Validators.NONE);
            int status = answer.status();
            if (status >= 300 && status < 400 && status != 304) {
                URI next;
                try {
                    next = redirectTarget(robotsUrl, current.url(), answer);
                } catch (FetchException e) {
                    return RobotsRules.ALLOW_ALL; // redirected elsewhere: no robots.txt of this host
                }
                current = PageRequest.get(next);
                continue;
            }
            if (status >= 400 && status < 500 && status != 429) {
                return RobotsRules.ALLOW_ALL;
            }
            if (status < 200 || status >= 300) {
                throw new FetchException(robotsUrl, "HTTP " + status + " from " + robotsUrl + answer.attemptsNote(),
                        status, null, Kind.HTTP_STATUS);
            }
            String contentType = answer.response().headers().firstValue("Content-Type").orElse("")
                    .toLowerCase(Locale.ROOT);
            byte[] body = answer.body();
            String text = new String(body, 0, Math.min(body.length, ROBOTS_MAX_BYTES), StandardCharsets.UTF_8);
            if (contentType.contains("html") || text.stripLeading().startsWith("<")) {
                return RobotsRules.ALLOW_ALL; // the homepage served as a soft 404: there is no robots.txt
            }
            return RobotsRules.parse(text, productToken);
        }
        return RobotsRules.ALLOW_ALL;
    }

    // --- one exchange, with retries -------------------------------------------------------------------------------

    private record Answer(HttpResponse<byte[]> response, byte[] body, long wireBytes, int attempts) {
        int status() {
            return response.statusCode();
        }

        String attemptsNote() {
            return attempts > 1 ? " (" + attempts + " attempts)" : "";
        }
    }

    /**
     * Sends a request until it gets an answer worth keeping: 5xx and 429 answers, timeouts and dropped connections
     * are tried again after a pause that doubles each time, or after what {@code Retry-After} asks on 429 and 503.
     */
    private Answer exchange(PageRequest request, Validators validators) throws FetchException {
        RequestPacer pacer = pacerOf(request.url());
        int attempts = Math.max(1, config.retryAttempts());
        Duration pause = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            Answer answer;
            try {
                int n = attempt;
                answer = pacer.paced(request.url(), pause, () -> send(request, validators, n));
            } catch (FetchException e) {
                if (!e.retryable() || attempt >= attempts) {
                    throw attempt > 1 ? new FetchException(e.url(), e.getMessage() + " (" + attempt + " attempts)",
                            e.status().isPresent() ? e.status().getAsInt() : null, e.getCause(), e.kind()) : e;
                }
                pause = backoff(attempt);
                LOG.debugf("%s: %s; retrying in %s", request, e.getMessage(), pause);
                continue;
            }
            int status = answer.status();
            if (!FetchException.isRetryableStatus(status) || attempt >= attempts) {
                return answer;
            }
            pause = backoff(attempt);
            if (status == 429 || status == 503) {
                Optional<Duration> asked = RetryAfter.parse(
                        answer.response().headers().firstValue("Retry-After").orElse(null), Instant.now());
                if (asked.isPresent()) {
                    pause = asked.get().compareTo(config.retryAfterCap()) > 0 ? config.retryAfterCap() : asked.get();
                }
            }
            LOG.debugf("%s: HTTP %d; retrying in %s", request, status, pause);
        }
    }

    /** Initial back-off doubled per failed attempt, capped. */
    private Duration backoff(int failedAttempts) {
        Duration wait = config.retryInitialBackoff();
        for (int i = 1; i < failedAttempts && wait.compareTo(config.retryMaxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryMaxBackoff()) > 0 ? config.retryMaxBackoff() : wait;
    }

    private RequestPacer pacerOf(URI url) {
        return pacers.computeIfAbsent(origin(url), o -> new RequestPacer(config.minDelay()));
    }

    private Answer send(PageRequest request, Validators validators, int attempt) throws FetchException {
        URI url = request.url();
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.5")
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .header("Accept-Encoding", "gzip");
        // A form is posted from its own page; other pages are reached from the site, as the known collectors send.
        builder.header("Referer", request.isPost() ? url.toString() : URI.create(origin(url) + "/").toString());
        if (request.isPost()) {
            builder.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(request.formBody(), StandardCharsets.UTF_8));
        } else {
            builder.GET();
            if (validators.etag() != null) {
                builder.header("If-None-Match", validators.etag());
            }
            if (validators.lastModified() != null) {
                builder.header("If-Modified-Since", validators.lastModified());
            }
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(builder.build(), info -> new CappedBody(config.maxBodyBytes()));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the headers only; this bounds the whole answer, body included.
            response = future.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(url,
                    "timed out: no complete answer within " + config.readTimeout().toMillis() + " ms", null, e,
                    Kind.TIMEOUT);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted", null, e);
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        }
        byte[] wire = response.body();
        byte[] body = decode(url, response, wire);
        return new Answer(response, body, wire.length, attempt);
    }

    private static Optional<Validators> validatorsOf(HttpResponse<?> response) {
        Validators v = new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), response.request().uri());
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private URI redirectTarget(URI original, URI from, Answer answer) throws FetchException {
        String location = answer.response().headers().firstValue("Location")
                .orElseThrow(() -> new FetchException(original, "HTTP " + answer.status() + " without Location",
                        answer.status(), null, Kind.REDIRECT));
        URI next;
        try {
            next = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchException(original, "bad redirect Location: " + location, answer.status(), e,
                    Kind.REDIRECT);
        }
        if (!sameOrigin(from, next)) {
            throw new FetchException(original, "redirect to another host refused: " + next, answer.status(), null,
                    Kind.REDIRECT);
        }
        return next;
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + effectivePort(uri);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(Objects.toString(b.getScheme(), ""))
                && a.getHost().equalsIgnoreCase(Objects.toString(b.getHost(), ""))
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private byte[] decode(URI url, HttpResponse<byte[]> response, byte[] wire) throws FetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim()
                .toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity") || wire.length == 0) {
            return wire;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchException(url, "unsupported Content-Encoding: " + encoding, response.statusCode(), null,
                    Kind.OTHER);
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(wire))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(wire.length * 4);
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > config.maxBodyBytes()) {
                    throw new FetchException(url, "body larger than " + config.maxBodyBytes() + " bytes once unzipped",
                            response.statusCode(), null, Kind.TOO_LARGE);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // A gzip stream cut short is a connection dropped mid-answer.
            throw new FetchException(url, "broken gzip body: " + e.getMessage(), response.statusCode(), e,
                    Kind.DROPPED);
        }
    }

    /**
     * The charset of the Content-Type header, else of a byte-order mark, else of a {@code <meta charset>} or
     * {@code <meta http-equiv>} near the top of the page, else UTF-8. GB2312 is read as GBK, its superset, as
     * browsers do.
     */
    static Charset charsetOf(String contentType, byte[] body) {
        Optional<Charset> fromHeader = charsetNamed(HEADER_CHARSET.matcher(contentType));
        if (fromHeader.isPresent()) {
            return fromHeader.get();
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        String head = new String(body, 0, Math.min(body.length, META_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        return charsetNamed(META_CHARSET.matcher(head)).orElse(StandardCharsets.UTF_8);
    }

    private static Optional<Charset> charsetNamed(Matcher matcher) {
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("gb2312") || name.equals("gb_2312-80") || name.equals("x-gbk")) {
            name = "GBK";
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static FetchException failure(URI url, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(url, "connect timed out", null, cause, Kind.TIMEOUT);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(url, "timed out waiting for the answer", null, cause, Kind.TIMEOUT);
        }
        if (cause instanceof ConnectException) {
            return new FetchException(url, "connection refused or failed"
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null, cause, Kind.REFUSED);
        }
        if (cause instanceof BodyTooLargeException) {
            return new FetchException(url, cause.getMessage(), null, cause, Kind.TOO_LARGE);
        }
        String message = cause.getMessage();
        String what = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        if (cause instanceof IOException) {
            return new FetchException(url, "connection dropped without a complete answer (" + what + ")", null,
                    cause, Kind.DROPPED);
        }
        return new FetchException(url, what, null, cause, Kind.OTHER);
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long max) {
            super("body larger than " + max + " bytes");
        }
    }

    /** Collects a body, giving up (and cancelling the transfer) beyond the size cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> buffers = new ArrayList<>();
        private long total;
        private Flow.Subscription subscription;

        CappedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                total += item.remaining();
                buffers.add(item);
            }
            if (total > max) {
                buffers.clear();
                subscription.cancel();
                result.completeExceptionally(new BodyTooLargeException(max));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            byte[] bytes = new byte[(int) total];
            int offset = 0;
            for (ByteBuffer buffer : buffers) {
                int n = buffer.remaining();
                buffer.get(bytes, offset, n);
                offset += n;
            }
            result.complete(bytes);
        }
    }
}
