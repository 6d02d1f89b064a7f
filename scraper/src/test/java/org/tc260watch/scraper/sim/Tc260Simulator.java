package org.tc260watch.scraper.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in for www.tc260.org.cn on 127.0.0.1 and a free port, serving fixture pages from the classpath in
 * numbered site states ({@code <fixtureRoot>/state-N/routes.txt}, see {@code tc260-sim/README.md}).
 *
 * <p>Like the real site it answers unknown paths with its homepage and HTTP 200 (soft 404), serves HTML as
 * {@code text/html;charset=UTF-8} with CRLF line endings, and gzips when asked. Tests can take it down
 * ({@link #down()}: connections refused), make it answer a fixed status ({@link #status(int)}) or slowly
 * ({@link #delay(Duration)}), and count the requests it received ({@link #requests()}).
 *
 * <pre>{@code
 * try (Tc260Simulator site = new Tc260Simulator()) {     // state 1 of tc260-sim/, listening
 *     site.setState(2);
 *     String base = site.baseUrl();                        // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class Tc260Simulator implements AutoCloseable {

    /** The fixture root of the scraper's own states, a classpath directory. */
    public static final String DEFAULT_FIXTURE_ROOT = "tc260-sim";

    private static final String SERVICE_UNAVAILABLE_BODY =
            "<html><head><title>%d</title></head><body><h1>%d</h1></body></html>";

    private final String fixtureRoot;
    private final ClassLoader loader;
    private final Map<Integer, SiteState> states = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile SiteState state;
    private volatile int forcedStatus;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean gzip = true;
    private volatile boolean conditional = true;
    private volatile boolean dropConnections;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    /** Body bytes written (after gzip), for benchmarks that compare clients by traffic. */
    private final AtomicLong bodyBytesSent = new AtomicLong();
    private volatile int failureStatus;
    private volatile Duration retryAfter;
    /** Null: bodies end; else every page but robots.txt gets a body that never ends, a chunk per this pause. */
    private volatile Duration endlessBodies;
    /** Null: every path answers its route; else paths under {@link PathOverride#pathPrefix()} answer something else. */
    private volatile PathOverride override;
    /** Share of each page body that is sent (1: all); the rest is cut off mid-markup, as by a dropped transfer. */
    private volatile double keep = 1.0;
    /** When each distinct body was first served: its Last-Modified. */
    private final Map<String, Instant> firstServed = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;
    private int port;

    /** Starts on a free port with the default fixtures ({@value #DEFAULT_FIXTURE_ROOT}), in state 1. */
    public Tc260Simulator() {
        this(DEFAULT_FIXTURE_ROOT);
    }

    /** Starts on a free port with the fixtures under a classpath directory, in state 1. */
    public Tc260Simulator(String fixtureRoot) {
        this(fixtureRoot, 1);
    }

    /** Starts on a free port with the fixtures under a classpath directory, in the given state. */
    public Tc260Simulator(String fixtureRoot, int initialState) {
        this.fixtureRoot = fixtureRoot;
        this.loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(Tc260Simulator.class.getClassLoader());
        setState(initialState);
        listen(0);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash: the value for {@code tc260.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String fixtureRoot() {
        return fixtureRoot;
    }

    /** Switches the whole site to state {@code n}; fails at once if the state or one of its files is missing. */
    public Tc260Simulator setState(int n) {
        state = states.computeIfAbsent(n, k -> SiteState.load(loader, fixtureRoot, k));
        return this;
    }

    public int state() {
        return state.number();
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized Tc260Simulator down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        return this;
    }

    /** Listens again on the same port, and clears {@link #status(int)} and {@link #delay(Duration)}. */
    public synchronized Tc260Simulator up() {
        forcedStatus = 0;
        delay = Duration.ZERO;
        if (server == null) {
            listen(port);
        }
        return this;
    }

    /** Answers every request with this status and a small HTML body (e.g. 503); 0 restores normal answers. */
    public Tc260Simulator status(int status) {
        this.forcedStatus = status;
        return this;
    }

    /** Waits this long before answering each request (to exercise timeouts). */
    public Tc260Simulator delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Whether bodies are gzipped for clients that accept it (default true). */
    public Tc260Simulator gzip(boolean enabled) {
        this.gzip = enabled;
        return this;
    }

    /**
     * Whether the site honours conditional GET (default true): it sends {@code ETag} and {@code Last-Modified} and
     * answers {@code If-None-Match} / {@code If-Modified-Since} with 304 when the page is unchanged.
     */
    public Tc260Simulator conditional(boolean enabled) {
        this.conditional = enabled;
        return this;
    }

    /** Drops every connection without an answer, as the real site sometimes does to foreign clients. */
    public Tc260Simulator dropConnections(boolean enabled) {
        this.dropConnections = enabled;
        return this;
    }

    /**
     * Answers the next {@code count} requests with {@code status} (e.g. 500, 503, 429), then normally again; with
     * {@link #retryAfter(Duration)} a {@code Retry-After} header goes with them.
     */
    public Tc260Simulator failNext(int count, int status) {
        this.failureStatus = status;
        this.failuresLeft.set(count);
        return this;
    }

    /** The {@code Retry-After} (whole seconds) sent with forced and {@link #failNext} failures; null for none. */
    public Tc260Simulator retryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }

    /**
     * Answers every page but robots.txt with a 200 whose body never ends: a 1 KiB chunk of HTML every {@code pause}
     * ({@link Duration#ZERO}: as fast as the client reads, an oversized answer; longer: a trickle that never
     * finishes), until the client hangs up. Null restores normal answers.
     */
    public Tc260Simulator endlessBodies(Duration pause) {
        this.endlessBodies = pause;
        return this;
    }

    /**
     * Paths starting with {@code pathPrefix} answer with HTTP 200 and the fixture {@code file} (relative to the
     * fixture root, e.g. {@code core/homepage-redesigned.html}, or {@code ../org/…} for an adapter's fixture), or with
     * the homepage when {@code file} is null: a soft 404 of one page type, one page type redesigned, or (prefix
     * {@code /}) a redesign of the whole site, on top of whatever state is current. A null prefix restores normal
     * answers.
     */
    public Tc260Simulator override(String pathPrefix, String file) {
        if (pathPrefix == null) {
            this.override = null;
            return this;
        }
        String resource = file == null ? null : URI.create(fixtureRoot + "/").resolve(file).normalize().toString();
        if (resource != null && loader.getResource(resource) == null) {
            throw new IllegalArgumentException("no such fixture " + resource);
        }
        this.override = new PathOverride(pathPrefix, resource);
        return this;
    }

    /**
     * Sends only this share (0 < keep <= 1) of every page body, cut mid-markup, with a matching Content-Length: a
     * page truncated upstream that the client cannot tell from a whole one by its length. 1 restores whole bodies.
     */
    public Tc260Simulator truncateBodies(double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep must be in (0, 1]: " + keep);
        }
        this.keep = keep;
        return this;
    }

    /** Ends every injected failure: listening again, normal statuses, no delay, whole bodies, no overrides. */
    public synchronized Tc260Simulator clearFaults() {
        failuresLeft.set(0);
        dropConnections = false;
        endlessBodies = null;
        override = null;
        keep = 1.0;
        return up();
    }

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests for one path-and-query ({@code /portal/suggestion?page=2}). */
    public List<RecordedRequest> requests(String pathAndQuery) {
        return requests.stream().filter(r -> r.pathAndQuery().equals(pathAndQuery)).toList();
    }

    /** Response body bytes sent since the start or the last {@link #clearRequests()} (gzipped size when gzipped). */
    public long bodyBytesSent() {
        return bodyBytesSent.get();
    }

    public Tc260Simulator clearRequests() {
        requests.clear();
        bodyBytesSent.set(0);
        return this;
    }

    @Override
    public synchronized void close() {
        down();
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private synchronized void listen(int wantedPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 50);
            if (executor == null) {
                executor = Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "tc260-simulator");
                    t.setDaemon(true);
                    return t;
                });
            }
            s.setExecutor(executor);
            s.createContext("/", this::answer);
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + wantedPort, e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            SiteState current = state;
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String key = query == null ? path : path + "?" + query;
            boolean post = exchange.getRequestMethod().equalsIgnoreCase("POST");
            String form = null;
            if (post) {
                // Form POSTs (the legacy published-standards query) are routed by path and form body.
                form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
                key = "POST " + path + (form.isEmpty() ? "" : "?" + form);
            }
            pause();
            Duration endless = endlessBodies;
            if (endless != null && !path.equals("/robots.txt")) {
                requests.add(new RecordedRequest(exchange.getRequestMethod(), path, post ? form : query,
                        headersOf(exchange), current.number(), 200, Instant.now()));
                streamForever(exchange, endless);
                return;
            }
            if (dropConnections) {
                requests.add(new RecordedRequest(exchange.getRequestMethod(), path, post ? form : query,
                        headersOf(exchange), current.number(), 0, Instant.now()));
                return; // closed in finally without a byte: the client sees a dropped connection
            }

            int status;
            byte[] body;
            String contentType;
            int forced = forcedStatus;
            if (forced == 0 && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                forced = failureStatus;
            }
            PathOverride o = override;
            Optional<String> resource = o != null && path.startsWith(o.pathPrefix())
                    ? Optional.ofNullable(o.resource()).or(current::homepage)
                    : current.resourceFor(key).or(current::homepage);
            if (forced != 0) {
                status = forced;
                contentType = "text/html;charset=UTF-8";
                body = String.format(SERVICE_UNAVAILABLE_BODY, forced, forced).getBytes(StandardCharsets.UTF_8);
            } else if (resource.isPresent()) {
                // A routed page, or the homepage for anything else: the real site's soft 404.
                status = 200;
                contentType = contentTypeOf(resource.get());
                body = read(resource.get(), contentType.contains("charset=UTF-8"));
                double share = keep;
                if (share < 1 && !path.equals("/robots.txt")) {
                    body = Arrays.copyOf(body, (int) (body.length * share));
                }
            } else {
                status = 404;
                contentType = "text/html;charset=UTF-8";
                body = String.format(SERVICE_UNAVAILABLE_BODY, 404, 404).getBytes(StandardCharsets.UTF_8);
            }
            if (forced != 0 && retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
            }
            if (status == 200 && conditional) {
                String etag = "\"" + sha1(body) + "\"";
                Instant lastModified = firstServed.computeIfAbsent(etag, k -> Instant.now().with(ChronoField.NANO_OF_SECOND, 0));
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.getResponseHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        lastModified.atZone(ZoneOffset.UTC)));
                if (notModified(exchange, etag, lastModified)) {
                    status = 304;
                    body = new byte[0];
                }
            }
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, post ? form : query,
                    headersOf(exchange), current.number(), status, Instant.now()));

            boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            String acceptEncoding = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept-Encoding"))
                    .orElse("");
            if (body.length > 0 && gzip && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip")) {
                body = gzipped(body);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Server", "tc260-simulator");
            exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                // Counted before writing, so a client that has read the body sees it counted.
                bodyBytesSent.addAndGet(body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            exchange.close();
        }
    }

    private record PathOverride(String pathPrefix, String resource) {
    }

    /** Chunked HTML until the client hangs up (or, as a safety net for a client that never does, a minute). */
    private static void streamForever(HttpExchange exchange, Duration pause) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "<p>tc260</p>\n".repeat(73).getBytes(StandardCharsets.UTF_8);
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        OutputStream out = exchange.getResponseBody();
        try {
            while (System.nanoTime() < end) {
                out.write(chunk);
                out.flush();
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (IOException e) {
            // The client hung up: what it should do.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean notModified(HttpExchange exchange, String etag, Instant lastModified) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            return List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag);
        }
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String sha1(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pause() {
        Duration d = delay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, List<String>> headersOf(HttpExchange exchange) {
        return exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()), (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                }));
    }

    /**
     * By file name: {@code x.gbk.html} / {@code x.gb18030.html} are served byte for byte with that charset in the
     * header; {@code x.nocharset.html} byte for byte as plain {@code text/html} (the page's meta tag must tell);
     * other HTML as UTF-8 with CRLF.
     */
    private static String contentTypeOf(String resource) {
        String name = resource.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gbk.html")) {
            return "text/html;charset=GBK";
        }
        if (name.endsWith(".gb18030.html")) {
            return "text/html;charset=GB18030";
        }
        if (name.endsWith(".nocharset.html")) {
            return "text/html";
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml")) {
            return "text/html;charset=UTF-8";
        }
        if (name.endsWith(".json")) {
            return "application/json;charset=UTF-8";
        }
        if (name.endsWith(".txt")) {
            return "text/plain;charset=UTF-8";
        }
        // Attachments: the real site sends PDFs and RARs as application/x-msdownload.
        return "application/x-msdownload";
    }

    private byte[] read(String resource, boolean text) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("fixture vanished: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            if (!text) {
                return bytes;
            }
            // Fixtures are stored with LF; the real portal serves CRLF.
            String crlf = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
            return crlf.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }
}
