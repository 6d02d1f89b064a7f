package org.tc260watch.scraper.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.scraper.sim.RecordedRequest;
import org.tc260watch.scraper.sim.Tc260Simulator;

/** Every fetch rule against the simulator: conditional GET, retries, Retry-After, robots.txt, hosts, charsets, POST. */
class PoliteFetchingTest {

    private static final String TITLE = "关于国家标准《信息安全技术 网络安全等级保护基本要求》征求意见稿征求意见的通知";
    private static final String EXT_A = "䶮"; // U+4DAE: GB18030 has it, GBK does not

    private final Tc260Simulator site = new Tc260Simulator();
    private final URI list = URI.create(site.baseUrl() + "/portal/suggestion");

    @AfterEach
    void stop() {
        site.close();
    }

    private PageFetcher fetcher() {
        return new PageFetcher(new FetchSettings(Duration.ZERO, 5_000_000), URI.create(site.baseUrl()));
    }

    @Test
    void anUnchangedPageIsA304WithoutBody() throws Exception {
        PageFetcher fetcher = fetcher();
        FetchResult first = fetcher.fetch(PageRequest.get(list), Validators.NONE);
        FetchResult second = fetcher.fetch(PageRequest.get(list), first.validators());
        site.setState(3); // page 1 changes
        FetchResult third = fetcher.fetch(PageRequest.get(list), first.validators());

        assertThat(first.notModified()).isFalse();
        assertThat(first.validators().etag()).startsWith("\"");
        assertThat(first.validators().lastModified()).endsWith("GMT");
        assertThat(second.notModified()).isTrue();
        assertThat(second.validators()).isEqualTo(first.validators());
        assertThat(third.notModified()).isFalse();
        assertThat(third.page().orElseThrow().body()).contains("2026-04-30");
        assertThat(site.requests("/portal/suggestion")).extracting(RecordedRequest::status)
                .containsExactly(200, 304, 200);
        RecordedRequest conditional = site.requests("/portal/suggestion").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo(first.validators().etag());
        assertThat(conditional.header("If-Modified-Since")).isEqualTo(first.validators().lastModified());
    }

    @Test
    void serverErrorsAreRetriedWithGrowingPauses() throws Exception {
        PageFetcher fetcher = fetcher();
        fetcher.get(list); // robots.txt read once, out of the way
        site.clearRequests().failNext(2, 503);

        FetchedPage page = fetcher.get(list);

        assertThat(page.status()).isEqualTo(200);
        var tries = site.requests("/portal/suggestion");
        assertThat(tries).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
        // 20 ms, then 40 ms (FetchSettings' back-off)
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(15));
        assertThat(Duration.between(tries.get(1).at(), tries.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(35));
    }

    @Test
    void aServerErrorStreakFailsAfterTheLastAttempt() throws Exception {
        PageFetcher fetcher = fetcher();
        fetcher.get(list);
        site.clearRequests().failNext(5, 500);

        assertThatThrownBy(() -> fetcher.get(list)).isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("3 attempts")
                .satisfies(e -> assertThat(((FetchException) e).siteTrouble()).isTrue());
        assertThat(site.requests("/portal/suggestion")).hasSize(3);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        PageFetcher fetcher = fetcher();
        fetcher.get(list);
        site.clearRequests().failNext(1, 404);

        assertThatThrownBy(() -> fetcher.get(list)).isInstanceOf(FetchException.class).hasMessageContaining("HTTP 404")
                .satisfies(e -> assertThat(((FetchException) e).siteTrouble()).isFalse());
        assertThat(site.requests("/portal/suggestion")).hasSize(1);
    }

    @Test
    void retryAfterOn429IsHonoured() throws Exception {
        PageFetcher fetcher = fetcher();
        fetcher.get(list);
        site.clearRequests().failNext(1, 429).retryAfter(Duration.ofSeconds(1));

        fetcher.get(list);

        var tries = site.requests("/portal/suggestion");
        assertThat(tries).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aLongRetryAfterOn503IsCapped() throws Exception {
        PageFetcher fetcher = new PageFetcher(new FetchSettings(Duration.ZERO, 5_000_000, 3, Duration.ofMillis(300)),
                URI.create(site.baseUrl()));
        fetcher.get(list);
        site.clearRequests().failNext(1, 503).retryAfter(Duration.ofHours(1));

        long start = System.nanoTime();
        fetcher.get(list);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(280), Duration.ofSeconds(5));
        assertThat(site.requests("/portal/suggestion")).extracting(RecordedRequest::status).containsExactly(503, 200);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-09-15T08:00:00Z");

        assertThat(RetryAfter.parse("120", now)).hasValue(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Tue, 15 Sep 2026 08:01:30 GMT", now)).hasValue(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Tue, 15 Sep 2026 07:00:00 GMT", now)).hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    @Test
    void droppedConnectionsAreRetriedAndThenReported() throws Exception {
        PageFetcher fetcher = fetcher();
        fetcher.get(list);
        site.clearRequests().dropConnections(true);

        assertThatThrownBy(() -> fetcher.get(list)).isInstanceOf(FetchException.class)
                .hasMessageContaining("connection dropped").hasMessageContaining("3 attempts")
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.DROPPED));
        assertThat(site.requests("/portal/suggestion")).hasSizeGreaterThanOrEqualTo(3);

        // Dropped once, then answered: the retry gets the page.
        site.clearRequests();
        Thread healer = new Thread(() -> {
            while (site.requests("/portal/suggestion").isEmpty()) {
                Thread.onSpinWait();
            }
            site.dropConnections(false);
        });
        healer.start();
        FetchedPage page = fetcher.get(list);
        healer.join(5000);
        assertThat(page.body()).contains("jumpDetail");
        assertThat(site.requests("/portal/suggestion").get(0).status()).isZero(); // the dropped one
    }

    @Test
    void robotsTxtIsObeyedAndReadOncePerHost() throws Exception {
        site.setState(400);
        PageFetcher fetcher = fetcher();

        FetchedPage page1 = fetcher.get(list);
        assertThatThrownBy(() -> fetcher.get(URI.create(site.baseUrl() + "/portal/suggestion?page=2")))
                .isInstanceOf(FetchException.class).hasMessageContaining("disallowed by robots.txt: /portal/suggestion?page=2")
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.NOT_ALLOWED));
        assertThatThrownBy(() -> fetcher.get(URI.create(site.baseUrl() + "/portal/suggestion-detail/x")))
                .hasMessageContaining("disallowed by robots.txt");
        fetcher.get(URI.create(site.baseUrl() + "/portal/suggestion?page=3"));

        assertThat(page1.status()).isEqualTo(200);
        assertThat(site.requests("/robots.txt")).hasSize(1);
        assertThat(site.requests("/portal/suggestion?page=2")).isEmpty();
        assertThat(site.requests()).extracting(RecordedRequest::pathAndQuery)
                .containsExactly("/robots.txt", "/portal/suggestion", "/portal/suggestion?page=3");
    }

    @Test
    void robotsTxtRulesFollowRfc9309() {
        String txt = """
                User-agent: *
                Disallow: /

                User-agent: tc260-watch
                User-agent: other-bot
                Disallow: /front/
                Allow: /front/bzzqyjList.html
                Disallow: /*.pdf$
                Crawl-delay: 2
                """;
        RobotsRules ours = RobotsRules.parse(txt, "tc260-watch");
        RobotsRules stranger = RobotsRules.parse(txt, "somebody");

        assertThat(ours.allows("/front/postDetail.html?id=1")).isFalse();
        assertThat(ours.allows("/front/bzzqyjList.html?start=0")).isTrue(); // longer Allow wins
        assertThat(ours.allows("/upload/a.pdf")).isFalse();
        assertThat(ours.allows("/upload/a.pdf?x=1")).isTrue(); // $ anchors the end
        assertThat(ours.allows("/portal/suggestion")).isTrue();
        assertThat(ours.crawlDelay()).hasValue(Duration.ofSeconds(2));
        assertThat(stranger.allows("/portal/suggestion")).isFalse();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "tc260-watch").allows("/x")).isTrue();
    }

    @Test
    void aSoft404RobotsTxtAllowsEverythingAndA5xxOneAllowsNothing() throws Exception {
        PageFetcher fetcher = fetcher();
        site.failNext(3, 503); // robots.txt: three attempts, all 503

        assertThatThrownBy(() -> fetcher.get(list)).isInstanceOf(FetchException.class)
                .hasMessageContaining("robots.txt unavailable").hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(((FetchException) e).kind())
                        .isEqualTo(FetchException.Kind.ROBOTS_UNAVAILABLE));
        assertThat(site.requests("/portal/suggestion")).isEmpty();

        FetchedPage page = fetcher.get(list); // robots.txt is the homepage (HTML): no robots.txt, all allowed
        assertThat(page.status()).isEqualTo(200);
        assertThat(site.requests("/robots.txt")).extracting(RecordedRequest::status).containsExactly(503, 503, 503, 200);
    }

    @Test
    void onlyTheSitesHostIsAsked() {
        PageFetcher fetcher = fetcher();

        assertThatThrownBy(() -> fetcher.get(URI.create("http://localhost:" + site.port() + "/portal/suggestion")))
                .isInstanceOf(FetchException.class).hasMessageContaining("host not allowed")
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.NOT_ALLOWED));
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void gbkAndGb18030PagesDecodeFromTheHeaderOrTheMetaTag() throws Exception {
        site.setState(401);
        PageFetcher fetcher = fetcher();

        FetchedPage gbk = fetcher.get(URI.create(site.baseUrl() + "/charset/header-gbk"));
        FetchedPage gb18030 = fetcher.get(URI.create(site.baseUrl() + "/charset/header-gb18030"));
        FetchedPage httpEquiv = fetcher.get(URI.create(site.baseUrl() + "/charset/meta-http-equiv"));
        FetchedPage metaCharset = fetcher.get(URI.create(site.baseUrl() + "/charset/meta-charset"));
        FetchedPage none = fetcher.get(URI.create(site.baseUrl() + "/charset/none"));

        assertThat(gbk.charset()).isEqualTo(Charset.forName("GBK"));
        assertThat(gbk.body()).contains(TITLE);
        assertThat(gb18030.charset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(gb18030.body()).contains(TITLE + EXT_A);
        assertThat(httpEquiv.contentType()).isEqualTo("text/html");
        assertThat(httpEquiv.charset()).isEqualTo(Charset.forName("GBK")); // declared gb2312, read as its superset
        assertThat(httpEquiv.body()).contains(TITLE);
        assertThat(metaCharset.charset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(metaCharset.body()).contains(TITLE + EXT_A);
        assertThat(none.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(none.body()).contains(TITLE);
    }

    @Test
    void aFormIsPosted() throws Exception {
        site.setState(401);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("start", "10");
        form.put("length", "10");
        form.put("q", "标准");
        PageRequest request = PageRequest.postForm(URI.create(site.baseUrl() + "/front/bzcx/yfgbcx.html"), form);

        FetchResult result = fetcher().fetch(request, new Validators("\"x\"", null));

        assertThat(result.page().orElseThrow().body()).contains(TITLE);
        RecordedRequest post = site.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.path()).isEqualTo("/front/bzcx/yfgbcx.html");
        assertThat(post.query()).isEqualTo("start=10&length=10&q=%E6%A0%87%E5%87%86");
        assertThat(post.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(post.header("If-None-Match")).isNull(); // POSTs are never conditional
    }
}
