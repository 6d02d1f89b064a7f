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

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
