package org.tc260watch.scraper.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tc260watch.events.Listing;
import org.tc260watch.scraper.source.legacy.CommentDraftListAdapter;
import org.tc260watch.scraper.source.legacy.PublishedStandardsAdapter;
import org.tc260watch.scraper.source.portal.PlanListAdapter;
import org.tc260watch.scraper.source.portal.PublicationListAdapter;
import org.tc260watch.scraper.source.portal.StandardListAdapter;
import org.tc260watch.scraper.source.portal.SuggestionListAdapter;
import org.tc260watch.scraper.source.shtml.GuideListAdapter;
import org.tc260watch.scraper.source.shtml.HomepageAdapter;
import org.tc260watch.scraper.source.shtml.ProjectOpinionAdapter;

/**
 * What every list page type says its list means ({@link SourceAdapter#listing()}): the differ reads an item's
 * absence as removal only for CATALOGUE and OPEN_FOR_COMMENT, so a wrong answer is a false "withdrawn" or a removal
 * never seen.
 */
class SourceListingTest {

    private static final List<Arguments> EVERY_LIST_PAGE_TYPE = List.of(
            row(new CommentDraftListAdapter(), Listing.OPEN_FOR_COMMENT),
            row(new org.tc260watch.scraper.source.legacy.NoticeListAdapter(), Listing.ARCHIVE),
            row(new PublishedStandardsAdapter(), Listing.CATALOGUE),
            row(new SuggestionListAdapter(), Listing.OPEN_FOR_COMMENT),
            row(new org.tc260watch.scraper.source.portal.NoticeListAdapter(), Listing.ARCHIVE),
            row(new org.tc260watch.scraper.source.portal.NewsListAdapter(), Listing.ARCHIVE),
            row(new PublicationListAdapter(), Listing.CATALOGUE),
            row(new PlanListAdapter(), Listing.CATALOGUE),
            row(new StandardListAdapter(), Listing.CATALOGUE),
            row(new HomepageAdapter(), Listing.RECENT),
            row(new org.tc260watch.scraper.source.shtml.NoticeListAdapter(), Listing.ARCHIVE),
            row(new org.tc260watch.scraper.source.shtml.NewsListAdapter(), Listing.ARCHIVE),
            row(new GuideListAdapter(), Listing.CATALOGUE),
            row(new ProjectOpinionAdapter(), Listing.OPEN_FOR_COMMENT));

    private static Arguments row(SourceAdapter adapter, Listing listing) {
        return arguments(named(adapter.source(), adapter), listing);
    }

    static Stream<Arguments> everyListPageType() {
        return EVERY_LIST_PAGE_TYPE.stream();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("everyListPageType")
    void saysWhatItsListMeans(SourceAdapter adapter, Listing expected) {
        assertThat(adapter.listing()).isEqualTo(expected);
    }

    /** A new page type must get its row here: its listing is a decision to review, not a default. */
    @Test
    void everyListPageTypeHasARow() throws IOException, URISyntaxException {
        Path classes = Path.of(SourceAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> adapters;
        try (Stream<Path> files = Files.walk(classes.resolve(SourceAdapter.class.getPackageName().replace('.', '/')))) {
            adapters = files.map(file -> classes.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(SourceListingTest::load)
                    .filter(type -> SourceAdapter.class.isAssignableFrom(type) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers()))
                    .map(Class::getName)
                    .collect(Collectors.toSet());
        }

        assertThat(adapters).hasSize(14).containsExactlyInAnyOrderElementsOf(EVERY_LIST_PAGE_TYPE.stream()
                .map(row -> (SourceAdapter) ((Named<?>) row.get()[0]).getPayload())
                .map(adapter -> adapter.getClass().getName()).toList());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SourceListingTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
