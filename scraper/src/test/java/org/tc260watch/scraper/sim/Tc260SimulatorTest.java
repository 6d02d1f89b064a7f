package org.tc260watch.scraper.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Tc260SimulatorTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Tc260Simulator site = new Tc260Simulator();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void servesTheStateRoutesAsTheRealPortalDoes() throws Exception {
        HttpResponse<String> page = get("/portal/suggestion");

        assertThat(site.baseUrl()).isEqualTo("http://127.0.0.1:" + site.port());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
        assertThat(page.body()).contains("jumpDetail('3bb57023c00a464faf4c2f7b9a5524c7','2026-04-12')")
                .contains("\r\n").doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        assertThat(get("/portal/suggestion?page=2").body()).contains("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    }

    @Test
    void answersUnknownPathsWithTheHomepageAndStatus200() throws Exception {
        HttpResponse<String> page = get("/front/bzzqyjList.html?start=0&length=10");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<ul class=\"inList\">").doesNotContain("jumpDetail");
    }

    @Test
    void switchesStatesAndInheritsRoutes() throws Exception {
        site.setState(3);

        assertThat(site.state()).isEqualTo(3);
        assertThat(get("/portal/suggestion").body())
                .contains("jumpDetail('3bb57023c00a464faf4c2f7b9a5524c7','2026-04-30')")
                .contains("d4e5f6a7b8c94d0e8f1a2b3c4d5e6f70");
        // Page 2 comes from state 2, which state 3 extends.
        assertThat(get("/portal/suggestion?page=2").body()).contains("5c0e7d1a9b2f4e6a8d3c1b0a9f8e7d6c");

        site.setState(5);
        assertThat(get("/portal/suggestion?page=2").body()).contains("ul class=\"inList\"");
        assertThat(get("/portal/suggestion").body()).contains("3bb57023c00a464faf4c2f7b9a5524c7");
    }

    @Test
    void refusesUnknownStatesAtOnce() {
        assertThatThrownBy(() -> site.setState(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tc260-sim/state-99/routes.txt");
        assertThat(site.state()).isEqualTo(1);
    }

    @Test
    void gzipsForClientsThatAskAndRecordsRequests() throws Exception {
        HttpResponse<byte[]> zipped = http.send(
                HttpRequest.newBuilder(URI.create(site.baseUrl() + "/portal/suggestion"))
                .header("Accept-Encoding", "gzip").header("User-Agent", "test-agent").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body()[0] & 0xff).isEqualTo(0x1f);
        assertThat(site.requests("/portal/suggestion")).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.header("User-Agent")).isEqualTo("test-agent");
            assertThat(r.state()).isEqualTo(1);
            assertThat(r.status()).isEqualTo(200);
        });
        site.clearRequests();
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void canAnswerAFixedStatusAndGoDownAndUpAgain() throws Exception {
        site.status(503);
        assertThat(get("/portal/suggestion").statusCode()).isEqualTo(503);

        int port = site.port();
        site.down();
        assertThatThrownBy(() -> get("/portal/suggestion")).isInstanceOf(ConnectException.class);

        site.up();
        assertThat(site.port()).isEqualTo(port);
        assertThat(get("/portal/suggestion").statusCode()).isEqualTo(200);
    }

    @Test
    void overridesPageTypesOnTopOfTheCurrentStateUntilTheFaultsAreCleared() throws Exception {
        site.setState(3).override("/portal/suggestion-detail/", null);
        assertThat(get("/portal/suggestion").body()).contains("jumpDetail('3bb57023c00a464faf4c2f7b9a5524c7','2026-04-30')");
        HttpResponse<String> detail = get("/portal/suggestion-detail/3bb57023c00a464faf4c2f7b9a5524c7");
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("<ul class=\"inList\">");

        site.override("/", "core/homepage-redesigned.html");
        String redesigned = get("/portal/suggestion").body();
        assertThat(redesigned).doesNotContain("jumpDetail").isEqualTo(get("/anything").body());
        assertThatThrownBy(() -> site.override("/", "core/no-such-page.html")).hasMessageContaining("no such fixture");

        site.clearFaults();
        assertThat(get("/portal/suggestion").body()).contains("d4e5f6a7b8c94d0e8f1a2b3c4d5e6f70");
    }

    @Test
    void truncatesBodiesWithAMatchingLengthUntilTheFaultsAreCleared() throws Exception {
        String whole = get("/portal/suggestion").body();
        site.truncateBodies(0.5);
        HttpResponse<String> cut = get("/portal/suggestion");

        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.body().length()).isLessThan(whole.length() * 3 / 4);
        assertThat(whole).startsWith(cut.body().substring(0, cut.body().length() - 2));
        assertThat(cut.body()).doesNotContain("</html>");
        assertThatThrownBy(() -> site.truncateBodies(0)).isInstanceOf(IllegalArgumentException.class);

        site.status(503).dropConnections(true).clearFaults();
        assertThat(get("/portal/suggestion").body()).isEqualTo(whole);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(site.baseUrl() + pathAndQuery));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void honoursConditionalGetWithEtagAndLastModified() throws Exception {
        HttpResponse<String> first = get("/portal/suggestion");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(send(request("/portal/suggestion").header("If-None-Match", etag)).statusCode()).isEqualTo(304);
        assertThat(send(request("/portal/suggestion").header("If-Modified-Since", lastModified)).statusCode())
                .isEqualTo(304);
        site.setState(3);
        HttpResponse<String> changed = send(request("/portal/suggestion").header("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));

        site.conditional(false);
        assertThat(send(request("/portal/suggestion").header("If-None-Match", etag)).statusCode()).isEqualTo(200);
    }

    @Test
    void countsTheBodyBytesItSendsAsSent() throws Exception {
        HttpResponse<byte[]> zipped = http.send(request("/portal/suggestion").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(site.bodyBytesSent()).isEqualTo(zipped.body().length);

        // A 304 sends no body.
        String etag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(send(request("/portal/suggestion").header("If-None-Match", etag)).statusCode()).isEqualTo(304);
        assertThat(site.bodyBytesSent()).isEqualTo(zipped.body().length);

        int plain = get("/portal/suggestion?page=2").body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(site.bodyBytesSent()).isEqualTo(zipped.body().length + plain);
        site.clearRequests();
        assertThat(site.bodyBytesSent()).isZero();
    }

    @Test
    void failsTheNextRequestsWithRetryAfterThenRecovers() throws Exception {
        site.failNext(2, 429).retryAfter(java.time.Duration.ofSeconds(3));
        HttpResponse<String> limited = get("/portal/suggestion");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("3");
        assertThat(get("/portal/suggestion").statusCode()).isEqualTo(429);
        assertThat(get("/portal/suggestion").statusCode()).isEqualTo(200);
    }

    @Test
    void dropsConnectionsWithoutAnAnswer() {
        site.dropConnections(true);
        assertThatThrownBy(() -> get("/portal/suggestion")).isInstanceOf(java.io.IOException.class);
        // The JDK client retries an idempotent GET once on a dropped connection.
        assertThat(site.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isZero());
    }

    @Test
    void servesFormPostsAndForeignCharsetsByteForByte() throws Exception {
        try (Tc260Simulator own = new Tc260Simulator("tc260-sim-selftest")) {
            HttpResponse<byte[]> gbk = http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/gbk")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gbk.headers().firstValue("Content-Type")).contains("text/html;charset=GBK");
            assertThat(new String(gbk.body(), java.nio.charset.Charset.forName("GBK"))).contains("全国网络安全标准化技术委员会");

            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/front/bzcx/yfgbcx.html"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("start=0&length=10")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.body()).contains("search_res_tab");
            assertThat(own.requests()).last().satisfies(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.query()).isEqualTo("start=0&length=10");
            });
            // An unknown form gets the homepage, like any unknown URL.
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/front/bzcx/yfgbcx.html"))
                    .POST(HttpRequest.BodyPublishers.ofString("start=990&length=10")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.body()).contains("inList");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/robots.txt")).build(),
                    HttpResponse.BodyHandlers.ofString()).headers().firstValue("Content-Type"))
                    .contains("text/plain;charset=UTF-8");
        }
    }
}
