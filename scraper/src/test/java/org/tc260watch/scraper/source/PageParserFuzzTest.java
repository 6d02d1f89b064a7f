package org.tc260watch.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tc260watch.events.ItemKind;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.source.legacy.CommentDraftDetailAdapter;
import org.tc260watch.scraper.source.legacy.CommentDraftListAdapter;
import org.tc260watch.scraper.source.legacy.PublishedStandardsAdapter;
import org.tc260watch.scraper.source.portal.PlanListAdapter;
import org.tc260watch.scraper.source.portal.PublicationListAdapter;
import org.tc260watch.scraper.source.portal.StandardListAdapter;
import org.tc260watch.scraper.source.portal.SuggestionDetailAdapter;
import org.tc260watch.scraper.source.portal.SuggestionListAdapter;
import org.tc260watch.scraper.source.shtml.GuideListAdapter;
import org.tc260watch.scraper.source.shtml.HomepageAdapter;
import org.tc260watch.scraper.source.shtml.ProjectDetailAdapter;
import org.tc260watch.scraper.source.shtml.ProjectOpinionAdapter;

/**
 * Fuzz tests of every page parser (docs/fuzzing.md): one target per adapter, so that a fuzzing run
 * ({@code JAZZER_FUZZ=1}) can pick one. Without {@code JAZZER_FUZZ} each target runs once on the empty input, on
 * every fixture of its site generation (the {@link MethodSource}, which Jazzer also turns into seeds when fuzzing)
 * and on the findings kept in {@code PageParserFuzzTestInputs/<target>/}.
 *
 * <p>Properties: {@code parse} never throws (the adapters' contract: bad HTML becomes a verdict or a problem), every
 * item has a key, list items' keys are {@code <source>:<non-blank id>}, and no page takes longer than the timeout.
 */
// A page that takes 30 s is a hang; in fuzzing mode this becomes libFuzzer's -timeout.
@Timeout(30)
class PageParserFuzzTest {

    private static final SiteAddress SITE = new SiteAddress(URI.create("https://www.tc260.org.cn"));

    @MethodSource("legacyFixtures")
    @FuzzTest(maxDuration = "5m")
    void legacyNoticeList(byte[] body) {
        checkList(new org.tc260watch.scraper.source.legacy.NoticeListAdapter(), body);
    }

    @MethodSource("legacyFixtures")
    @FuzzTest(maxDuration = "5m")
    void legacyCommentDraftList(byte[] body) {
        checkList(new CommentDraftListAdapter(), body);
    }

    @MethodSource("legacyFixtures")
    @FuzzTest(maxDuration = "5m")
    void legacyPublishedStandards(byte[] body) {
        checkList(new PublishedStandardsAdapter(), body);
    }

    @MethodSource("legacyFixtures")
    @FuzzTest(maxDuration = "5m")
    void legacyNoticeDetail(byte[] body) {
        checkDetail(new org.tc260watch.scraper.source.legacy.NoticeDetailAdapter(), body);
    }

    @MethodSource("legacyFixtures")
    @FuzzTest(maxDuration = "5m")
    void legacyCommentDraftDetail(byte[] body) {
        checkDetail(new CommentDraftDetailAdapter(), body);
    }

    @MethodSource("portalFixtures")
    @FuzzTest(maxDuration = "5m")
    void portalSuggestionList(byte[] body) {
        checkList(new SuggestionListAdapter(), body);
    }

    @MethodSource("portalFixtures")
    @FuzzTest(maxDuration = "5m")
    void portalNoticeList(byte[] body) {
        checkList(new org.tc260watch.scraper.source.portal.NoticeListAdapter(), body);
    }

    @MethodSource("portalFixtures")
    @FuzzTest(maxDuration = "5m")
    void portalNewsList(byte[] body) {
        checkList(new org.tc260watch.scraper.source.portal.NewsListAdapter(), body);
    }

    @MethodSource("portalFixtures")
    @FuzzTest(maxDuration = "5m")
    void portalPublicationList(byte[] body) {
        checkList(new PublicationListAdapter(), body);
    }

    @MethodSource("portalFixtures")
    @FuzzTest(maxDuration = "5m")
    void portalPlanList(byte[] body) {
        checkList(new PlanListAdapter(), body);
    }

    @MethodSource("portalFixtures")
    @FuzzTest(maxDuration = "5m")
    void portalStandardList(byte[] body) {
        checkList(new StandardListAdapter(), body);
    }

    @MethodSource("portalFixtures")
    @FuzzTest(maxDuration = "5m")
    void portalSuggestionDetail(byte[] body) {
        checkDetail(new SuggestionDetailAdapter(), body);
    }

    @MethodSource("portalFixtures")
    @FuzzTest(maxDuration = "5m")
    void portalArticleDetail(byte[] body) {
        checkDetail(new org.tc260watch.scraper.source.portal.ArticleDetailAdapter(), body);
    }

    @MethodSource("shtmlFixtures")
    @FuzzTest(maxDuration = "5m")
    void shtmlNoticeList(byte[] body) {
        checkList(new org.tc260watch.scraper.source.shtml.NoticeListAdapter(), body);
    }

    @MethodSource("shtmlFixtures")
    @FuzzTest(maxDuration = "5m")
    void shtmlNewsList(byte[] body) {
        checkList(new org.tc260watch.scraper.source.shtml.NewsListAdapter(), body);
    }

    @MethodSource("shtmlFixtures")
    @FuzzTest(maxDuration = "5m")
    void shtmlGuideList(byte[] body) {
        checkList(new GuideListAdapter(), body);
    }

    @MethodSource("shtmlFixtures")
    @FuzzTest(maxDuration = "5m")
    void shtmlHomepage(byte[] body) {
        checkList(new HomepageAdapter(), body);
    }

    @MethodSource("shtmlFixtures")
    @FuzzTest(maxDuration = "5m")
    void shtmlProjectOpinion(byte[] body) {
        checkList(new ProjectOpinionAdapter(), body);
    }

    @MethodSource("shtmlFixtures")
    @FuzzTest(maxDuration = "5m")
    void shtmlArticleDetail(byte[] body) {
        checkDetail(new org.tc260watch.scraper.source.shtml.ArticleDetailAdapter(), body);
    }

    @MethodSource("shtmlFixtures")
    @FuzzTest(maxDuration = "5m")
    void shtmlProjectDetail(byte[] body) {
        checkDetail(new ProjectDetailAdapter(), body);
    }

    private static void checkList(SourceAdapter adapter, byte[] body) {
        URI url = adapter.pageUrl(SITE, 1).orElse(SITE.at("/"));
        ParsedPage page = adapter.parse(fetched(url, body), SITE);
        assertThat(page.verdict()).isNotNull();
        assertThat(page.items()).allSatisfy(item -> {
            assertThat(item.itemKey()).startsWith(adapter.source() + ":");
            assertThat(item.itemKey().substring(adapter.source().length() + 1)).isNotBlank();
        });
    }

    private static void checkDetail(DetailAdapter adapter, byte[] body) {
        String source = adapter.sources().stream().sorted().findFirst().orElseThrow();
        ObservedItem listed = new ObservedItem(source + ":fuzz", SITE.at("/fuzz").toString(), ItemKind.NOTICE,
                "关于征求意见的通知", List.of(), List.of(), null, null, List.of(), null);
        URI url = adapter.detailUrl(listed, SITE).orElse(URI.create(listed.sourceUrl()));
        ParsedPage page = adapter.parse(listed, fetched(url, body), SITE);
        assertThat(page.verdict()).isNotNull();
        assertThat(page.items()).allSatisfy(item -> assertThat(item.itemKey()).isNotBlank());
    }

    /** As the fetcher hands it over; the .shtml site's JSON API is read by the same code whatever the type says. */
    private static FetchedPage fetched(URI url, byte[] body) {
        return new FetchedPage(url, url, 200, "text/html;charset=UTF-8", StandardCharsets.UTF_8,
                new String(body, StandardCharsets.UTF_8), body.length, Instant.parse("2026-08-27T05:54:04Z"));
    }

    static Stream<Arguments> legacyFixtures() {
        return fixtures("legacy");
    }

    static Stream<Arguments> portalFixtures() {
        return fixtures("portal");
    }

    static Stream<Arguments> shtmlFixtures() {
        return fixtures("shtml");
    }

    /** The adapter tests' fixture pages of one site generation, as seeds. */
    private static Stream<Arguments> fixtures(String generation) {
        try {
            Path dir = Path.of(PageParserFuzzTest.class.getResource(generation).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".json")).sorted()
                        .map(f -> Arguments.of(Named.of(f.getFileName().toString(), read(f)))).toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
