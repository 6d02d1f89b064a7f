package org.tc260watch.scraper.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.scraper.sim.Tc260Simulator;

class PageFetcherTest {

    private final Tc260Simulator site = new Tc260Simulator();
    private HttpServer other;

    @AfterEach
    void stop() {
        site.close();
        if (other != null) {
            other.stop(0);
        }
    }

    @Test
    void readsAGzippedPageWithItsCharsetAndIdentifiesItself() throws Exception {
        FetchedPage page = fetcher(Duration.ZERO, 5_000_000).get(URI.create(site.baseUrl() + "/portal/suggestion"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.isHtml()).isTrue();
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(page.body()).contains("关于国家标准《数据安全技术 个人信息保护合规审计专业机构能力要求》");
        assertThat(page.bytes()).isPositive().isLessThan(page.body().getBytes(StandardCharsets.UTF_8).length);
        // robots.txt first (the simulator's soft 404: the homepage, so everything is allowed), then the page.
        assertThat(site.requests()).extracting(r -> r.pathAndQuery()).containsExactly("/robots.txt", "/portal/suggestion");
        assertThat(site.requests("/portal/suggestion")).singleElement().satisfies(r -> {
            assertThat(r.header("User-Agent")).startsWith("tc260-watch/");
            assertThat(r.header("Accept-Encoding")).contains("gzip");
        });
    }

    @Test
    void refusesBodiesOverTheCap() {
        PageFetcher fetcher = fetcher(Duration.ZERO, 1000);
        site.gzip(false);

        assertThatThrownBy(() -> fetcher.get(URI.create(site.baseUrl() + "/portal/suggestion")))
                .isInstanceOf(FetchException.class).hasMessageContaining("larger than 1000 bytes");
        site.gzip(true);
        assertThatThrownBy(() -> fetcher.get(URI.create(site.baseUrl() + "/portal/suggestion")))
                .isInstanceOf(FetchException.class).hasMessageContaining("larger than 1000 bytes");
    }

    @Test
    void reportsStatusRefusedConnectionsAndTimeouts() {
        PageFetcher fetcher = fetcher(Duration.ZERO, 5_000_000);
        URI list = URI.create(site.baseUrl() + "/portal/suggestion");

        site.status(503);
        assertThatThrownBy(() -> fetcher.get(list)).isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(((FetchException) e).status()).hasValue(503));
        site.up().delay(Duration.ofMillis(1500));
        assertThatThrownBy(() -> fetcher.get(list)).isInstanceOf(FetchException.class)
                .hasMessageContaining("timed out");
        site.up().down();
        assertThatThrownBy(() -> fetcher.get(list)).isInstanceOf(FetchException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void waitsTheMinimumDelayBetweenRequests() throws Exception {
        PageFetcher fetcher = fetcher(Duration.ofMillis(300), 5_000_000);
        URI list = URI.create(site.baseUrl() + "/portal/suggestion");

        long start = System.nanoTime();
        fetcher.get(list);
        fetcher.get(list);
        fetcher.get(list);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(site.requests("/portal/suggestion")).hasSize(3);
    }

    @Test
    void followsRedirectsOnTheSameHostOnly() throws Exception {
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/same", exchange -> redirect(exchange, "/target"));
        other.createContext("/away",
                exchange -> redirect(exchange, "http://localhost:" + site.port() + "/portal/suggestion"));
        other.createContext("/target", exchange -> {
            byte[] body = "<html><head><meta charset=\"gbk\"></head><body>\u6807\u51c6</body></html>"
                    .getBytes(Charset.forName("GBK"));
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        other.start();
        String base = "http://127.0.0.1:" + other.getAddress().getPort();
        PageFetcher fetcher = fetcher(Duration.ZERO, 5_000_000);

        FetchedPage page = fetcher.get(URI.create(base + "/same"));
        assertThat(page.url()).isEqualTo(URI.create(base + "/target"));
        assertThat(page.charset()).isEqualTo(Charset.forName("GBK"));
        assertThat(page.body()).contains("标准");

        assertThatThrownBy(() -> fetcher.get(URI.create(base + "/away"))).isInstanceOf(FetchException.class)
                .hasMessageContaining("redirect to another host refused");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void refusesRedirectsToOtherSchemesAndHostsWithoutAskingThem() throws Exception {
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // The same host and port over TLS is another origin too.
        String[] targets = {"file:///etc/passwd", "ftp://127.0.0.1/pub/x", "javascript:alert(1)",
                "https://127.0.0.1:" + other.getAddress().getPort() + "/portal/suggestion", "//localhost:" + site.port() + "/x",
                "http://127.0.0.1:" + site.port() + "@localhost:" + site.port() + "/portal/suggestion"};
        for (int i = 0; i < targets.length; i++) {
            String target = targets[i];
            other.createContext("/to/" + i, exchange -> redirect(exchange, target));
        }
        other.start();
        PageFetcher fetcher = fetcher(Duration.ZERO, 5_000_000);

        for (int i = 0; i < targets.length; i++) {
            URI from = URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/to/" + i);
            assertThatThrownBy(() -> fetcher.get(from)).as(targets[i]).isInstanceOf(FetchException.class)
                    .hasMessageContaining("redirect to another host refused")
                    .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.REDIRECT));
        }
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void asksOnlyTheSitesOriginWhateverALinkSays() {
        PageFetcher fetcher = new PageFetcher(new FetchSettings(Duration.ZERO, 5_000_000),
                URI.create(site.baseUrl()));
        for (String url : new String[] {"file:///etc/passwd", "ftp://127.0.0.1:" + site.port() + "/portal/suggestion",
                "javascript:alert(1)", "https://127.0.0.1:" + site.port() + "/portal/suggestion",
                "http://localhost:" + site.port() + "/portal/suggestion", "http://127.0.0.1:1/portal/suggestion"}) {
            assertThatThrownBy(() -> fetcher.get(URI.create(url))).as(url).isInstanceOf(FetchException.class)
                    .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.NOT_ALLOWED));
        }
        // Not even the fetcher that may ask any host (tests of the fetcher alone) leaves HTTP.
        assertThatThrownBy(() -> fetcher(Duration.ZERO, 5_000_000).get(URI.create("ftp://127.0.0.1/x")))
                .isInstanceOf(FetchException.class).hasMessageContaining("not an absolute http(s) URL");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void cutsOffABodyThatNeverEndsAtTheSizeCap() {
        site.endlessBodies(Duration.ZERO);

        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher(Duration.ZERO, 100_000).get(URI.create(site.baseUrl() + "/portal/suggestion")))
                .isInstanceOf(FetchException.class).hasMessageContaining("larger than 100000 bytes")
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.TOO_LARGE));
        // Not retried: the same page would be as large again.
        assertThat(site.requests("/portal/suggestion")).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void givesUpOnATrickleThatNeverFinishesWithinTheReadTimeoutPerAttempt() {
        site.endlessBodies(Duration.ofMillis(100));

        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher(Duration.ZERO, 5_000_000).get(URI.create(site.baseUrl() + "/portal/suggestion")))
                .isInstanceOf(FetchException.class).hasMessageContaining("no complete answer within 1000 ms")
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.TIMEOUT));
        // Three attempts of one read timeout (1 s) each, and short back-offs: bounded, not a hang.
        assertThat(site.requests("/portal/suggestion")).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void validatorsGoOnlyToThePageThatGaveThem() throws Exception {
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.List<String> conditional = new java.util.concurrent.CopyOnWriteArrayList<>();
        other.createContext("/list", exchange -> redirect(exchange, "/home"));
        // Where /list leads now: a page that, like many servers, answers 304 to any date not older than its own.
        other.createContext("/moved", exchange -> redirect(exchange, "/elsewhere"));
        for (String path : java.util.List.of("/home", "/elsewhere")) {
            other.createContext(path, exchange -> {
                String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
                conditional.add(path + " " + since);
                exchange.getResponseHeaders().set("Last-Modified", "Thu, 01 Jan 2026 00:00:00 GMT");
                byte[] body = ("<html><body>" + path + "</body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(since == null ? 200 : 304, since == null ? body.length : -1);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (since == null) {
                        out.write(body);
                    }
                }
            });
        }
        other.start();
        String base = "http://127.0.0.1:" + other.getAddress().getPort();
        PageFetcher fetcher = fetcher(Duration.ZERO, 5_000_000);

        FetchResult first = fetcher.fetch(PageRequest.get(URI.create(base + "/list")), Validators.NONE);
        FetchResult same = fetcher.fetch(PageRequest.get(URI.create(base + "/list")), first.validators());
        FetchResult moved = fetcher.fetch(PageRequest.get(URI.create(base + "/moved")), first.validators());

        assertThat(first.validators().url()).isEqualTo(URI.create(base + "/home"));
        assertThat(same.notModified()).isTrue();
        assertThat(moved.notModified()).as("another page's date must not pass it off as the version held").isFalse();
        assertThat(moved.page().orElseThrow().body()).contains("/elsewhere");
        assertThat(conditional).containsExactly("/home null", "/home Thu, 01 Jan 2026 00:00:00 GMT",
                "/elsewhere null");
    }

    @Test
    void takesTheCharsetFromTheHeaderBeforeTheMetaTag() {
        byte[] body = "<meta charset=\"gbk\">".getBytes(StandardCharsets.US_ASCII);

        assertThat(PageFetcher.charsetOf("text/html; charset=\"UTF-8\"", body)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageFetcher.charsetOf("text/html", body)).isEqualTo(Charset.forName("GBK"));
        assertThat(PageFetcher.charsetOf("text/html;charset=nonsense", new byte[0])).isEqualTo(StandardCharsets.UTF_8);
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static PageFetcher fetcher(Duration minDelay, long maxBodyBytes) {
        return FetchSettings.fetcher(minDelay, maxBodyBytes);
    }
}
