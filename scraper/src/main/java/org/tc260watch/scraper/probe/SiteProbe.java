package org.tc260watch.scraper.probe;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.config.ScraperConfig;
import org.tc260watch.scraper.fetch.FetchException;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.fetch.PageFetcher;
import org.tc260watch.scraper.fetch.PageRequest;
import org.tc260watch.scraper.source.DetailAdapter;
import org.tc260watch.scraper.source.ObservedItem;
import org.tc260watch.scraper.source.ParsedPage;
import org.tc260watch.scraper.source.SiteAddress;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * Looks at the site once and says what it sees, publishing nothing: for every generation, each source's entry point
 * (list page 1) with its verdict, item count, problems and a sample of parsed items, plus the detail page of the
 * first item; then which generation(s) answer. Politeness is the fetcher's (robots.txt, pacing, retries), so a probe
 * of every source costs about two requests per source.
 */
@Singleton
public class SiteProbe {

    /** Exit code when some generation is recognised. */
    public static final int RECOGNISED = 0;
    /** Exit code when no entry point of any generation answers with its page type (blind, or unreachable). */
    public static final int BLIND = 2;

    /** One entry point as probed. */
    public record EntryPoint(String source, SiteGeneration generation, String request, ParsedPage.Verdict verdict,
            int items, List<String> problems, String reason) {

        public boolean recognised() {
            return verdict == ParsedPage.Verdict.ITEMS || verdict == ParsedPage.Verdict.EMPTY_LIST;
        }
    }

    /** What the probe found. */
    public record Report(List<EntryPoint> entryPoints, Set<SiteGeneration> recognised) {

        public int exitCode() {
            return recognised.isEmpty() ? BLIND : RECOGNISED;
        }
    }

    private final PageFetcher fetcher;
    private final SiteAddress site;
    private final List<SourceAdapter> adapters;
    private final Map<String, DetailAdapter> details;
    private final int sample;

    @Inject
    public SiteProbe(PageFetcher fetcher, ScraperConfig config, @Any Instance<SourceAdapter> adapters,
            @Any Instance<DetailAdapter> details) {
        this(fetcher, new SiteAddress(config.baseUrl()), adapters.stream().toList(), details.stream().toList(), 3);
    }

    public SiteProbe(PageFetcher fetcher, SiteAddress site, List<SourceAdapter> adapters, List<DetailAdapter> details,
            int sample) {
        this.fetcher = fetcher;
        this.site = site;
        this.adapters = adapters.stream()
                .sorted(Comparator.comparing((SourceAdapter a) -> a.generation()).thenComparing(SourceAdapter::source))
                .toList();
        this.details = DetailAdapter.bySource(details);
        this.sample = sample;
    }

    public Report run(PrintStream out) {
        out.printf("tc260-watch probe of %s at %s (%d source(s); nothing is published)%n", site.baseUrl(),
                Instant.now(), adapters.size());
        List<EntryPoint> entries = new ArrayList<>();
        SiteGeneration current = null;
        for (SourceAdapter adapter : adapters) {
            if (adapter.generation() != current) {
                current = adapter.generation();
                out.printf("%n== %s%n", current);
            }
            entries.add(probe(adapter, out));
        }
        Set<SiteGeneration> recognised = EnumSet.noneOf(SiteGeneration.class);
        entries.stream().filter(EntryPoint::recognised).forEach(e -> recognised.add(e.generation()));

        out.printf("%n== Summary%n");
        for (SiteGeneration g : SiteGeneration.values()) {
            List<EntryPoint> of = entries.stream().filter(e -> e.generation() == g).toList();
            if (!of.isEmpty()) {
                out.printf("%-7s %d of %d entry point(s) recognised%s%n", g,
                        of.stream().filter(EntryPoint::recognised).count(), of.size(),
                        recognised.contains(g) ? "  <- live" : "");
            }
        }
        List<EntryPoint> unrecognised = entries.stream().filter(e -> !e.recognised()).toList();
        if (!unrecognised.isEmpty()) {
            out.println("Unrecognised:");
            unrecognised.forEach(e -> out.printf("  %s (%s): %s%n", e.source(), e.request(), e.reason()));
        }
        boolean answered = entries.stream().anyMatch(e -> e.verdict() != null);
        if (!recognised.isEmpty()) {
            out.printf("RESULT: live generation(s): %s%n",
                    recognised.stream().map(Enum::name).collect(Collectors.joining(", ")));
        } else if (answered) {
            out.println("RESULT: BLIND: no known page type answers (site redesigned?)");
        } else {
            out.println("RESULT: BLIND: the site did not answer (unreachable, or refusing us)");
        }
        return new Report(entries, recognised);
    }

    private EntryPoint probe(SourceAdapter adapter, PrintStream out) {
        Optional<PageRequest> request = adapter.pageRequest(site, 1);
        if (request.isEmpty()) {
            out.printf("  %-28s no entry point%n", adapter.source());
            return new EntryPoint(adapter.source(), adapter.generation(), "-", null, 0, List.of(), "no entry point");
        }
        String shown = request.get().toString();
        FetchedPage page;
        try {
            page = fetcher.fetch(request.get());
        } catch (FetchException e) {
            out.printf("  %-28s %s%n      FETCH FAILED: %s%n", adapter.source(), shown, e.getMessage());
            return new EntryPoint(adapter.source(), adapter.generation(), shown, null, 0, List.of(), e.getMessage());
        }
        ParsedPage parsed = parse(() -> adapter.parse(page, site));
        out.printf("  %-28s %s%n      HTTP %d, %s, %d bytes: %s, %d item(s)%s%n", adapter.source(), shown,
                page.status(), page.contentType().isEmpty() ? "no Content-Type" : page.contentType(), page.bytes(),
                parsed.verdict(), parsed.items().size(),
                parsed.reason() == null ? "" : " (" + parsed.reason() + ")");
        parsed.problems().forEach(p -> out.printf("      problem: %s%n", p));
        parsed.items().stream().limit(sample).forEach(item -> out.printf("      - %s%n", describe(item)));
        if (!parsed.items().isEmpty() && details.containsKey(adapter.source())) {
            probeDetail(details.get(adapter.source()), parsed.items().get(0), out);
        }
        String reason = parsed.reason() != null ? parsed.reason() : String.join("; ", parsed.problems());
        return new EntryPoint(adapter.source(), adapter.generation(), shown, parsed.verdict(), parsed.items().size(),
                parsed.problems(), reason);
    }

    private void probeDetail(DetailAdapter adapter, ObservedItem listed, PrintStream out) {
        Optional<URI> url;
        try {
            url = adapter.detailUrl(listed, site);
        } catch (RuntimeException e) {
            out.printf("      detail: adapter failed: %s%n", e);
            return;
        }
        if (url.isEmpty()) {
            return;
        }
        try {
            FetchedPage page = fetcher.get(url.get());
            ParsedPage parsed = parse(() -> adapter.parse(listed, page, site));
            out.printf("      detail %s: %s, %d item(s)%s%n", url.get(), parsed.verdict(), parsed.items().size(),
                    parsed.reason() == null ? "" : " (" + parsed.reason() + ")");
            parsed.problems().forEach(p -> out.printf("        problem: %s%n", p));
            parsed.items().stream().limit(sample).forEach(item -> out.printf("        - %s%n", describe(item)));
        } catch (FetchException e) {
            out.printf("      detail %s: FETCH FAILED: %s%n", url.get(), e.getMessage());
        }
    }

    private static ParsedPage parse(java.util.function.Supplier<ParsedPage> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return ParsedPage.unrecognised("the adapter failed: " + e);
        }
    }

    static String describe(ObservedItem item) {
        StringBuilder s = new StringBuilder(item.itemKey()).append(" | ").append(item.kind()).append(" | ")
                .append(item.title());
        if (item.stage() != null) {
            s.append(" | stage ").append(item.stage());
        }
        if (!item.standardIds().isEmpty()) {
            s.append(" | ").append(String.join(", ", item.standardIds()));
        }
        var d = item.dates();
        if (d.published() != null || d.commentEnd() != null) {
            s.append(" | published ").append(d.published()).append(", comments until ").append(d.commentEnd());
        }
        if (item.documentNumber() != null) {
            s.append(" | ").append(item.documentNumber());
        }
        if (!item.attachments().isEmpty()) {
            s.append(" | ").append(item.attachments().size()).append(" attachment(s)");
        }
        return s.toString();
    }
}
