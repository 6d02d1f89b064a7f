package org.tc260watch.scraper.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.fetch.FetchSettings;
import org.tc260watch.scraper.fetch.PageFetcher;
import org.tc260watch.scraper.sim.Tc260Simulator;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.portal.SuggestionListAdapter;

/** The probe's code path in-process against the simulator: what it prints and its exit code; it never publishes. */
class SiteProbeTest {

    private final Tc260Simulator site = new Tc260Simulator();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        site.close();
    }

    private SiteProbe.Report probe() {
        SiteAddress address = new SiteAddress(URI.create(site.baseUrl()));
        PageFetcher fetcher = new PageFetcher(new FetchSettings(Duration.ZERO, 5_000_000), address.baseUrl());
        SiteProbe probe = new SiteProbe(fetcher, address, List.of(new SuggestionListAdapter()), List.of(), 2);
        return probe.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void namesTheLiveGenerationItsPageTypesAndSampleItems() {
        SiteProbe.Report report = probe();

        assertThat(report.exitCode()).isEqualTo(SiteProbe.RECOGNISED);
        assertThat(report.recognised()).containsExactly(SiteGeneration.PORTAL);
        assertThat(report.entryPoints()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("portal.suggestion");
            assertThat(e.items()).isEqualTo(2);
        });
        assertThat(output())
                .contains("== PORTAL")
                .contains("portal.suggestion")
                .contains("ITEMS, 2 item(s)")
                .contains("- portal.suggestion:3bb57023c00a464faf4c2f7b9a5524c7 | COMMENT_DRAFT_NOTICE | 关于国家标准")
                .contains("PORTAL  1 of 1 entry point(s) recognised  <- live")
                .contains("RESULT: live generation(s): PORTAL");
        // One look: robots.txt and the entry point, nothing else.
        assertThat(site.requests()).extracting(r -> r.pathAndQuery()).containsExactly("/robots.txt", "/portal/suggestion");
    }

    @Test
    void saysBlindWithExitCode2WhenNothingIsRecognised() {
        site.setState(412);

        SiteProbe.Report report = probe();

        assertThat(report.exitCode()).isEqualTo(SiteProbe.BLIND);
        assertThat(output()).contains("Unrecognised:").contains("portal.suggestion (")
                .contains("RESULT: BLIND: no known page type answers (site redesigned?)");
    }

    @Test
    void saysSoWhenTheSiteDoesNotAnswer() {
        site.down();

        SiteProbe.Report report = probe();

        assertThat(report.exitCode()).isEqualTo(SiteProbe.BLIND);
        assertThat(output()).contains("FETCH FAILED").contains("RESULT: BLIND: the site did not answer");
    }

    @Test
    void readsTheBaseUrlOption() {
        assertThat(ScraperMain.baseUrl("probe")).isNull();
        assertThat(ScraperMain.baseUrl("probe", "--base-url", "http://127.0.0.1:9/x"))
                .isEqualTo(URI.create("http://127.0.0.1:9/x"));
        assertThat(ScraperMain.baseUrl("probe", "--base-url=https://www.tc260.org.cn"))
                .isEqualTo(URI.create("https://www.tc260.org.cn"));
        assertThatThrownBy(() -> ScraperMain.baseUrl("probe", "--publish")).hasMessageContaining("unknown");
        assertThatThrownBy(() -> ScraperMain.baseUrl("probe", "--base-url", "tc260.org.cn"))
                .hasMessageContaining("absolute");
    }
}
