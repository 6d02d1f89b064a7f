package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tc260watch.events.StandardId;
import org.tc260watch.scraper.source.ObservedItem;

/**
 * Fuzz tests of the date extractors and the notice text reader (docs/fuzzing.md). The input is a notice: its title,
 * a line break, its body text. Seeds: the title and text of every detail-page fixture of the adapter tests.
 */
@Timeout(30)
class NoticeTextFuzzTest {

    /** Every extractor answers (no exception), and they agree with each other and with the ISO form. */
    @MethodSource("notices")
    @FuzzTest(maxDuration = "5m")
    void calendarDates(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<LocalDate> all = CalendarDates.findAll(text);
        assertThat(CalendarDates.findFirst(text)).isEqualTo(all.stream().findFirst());
        for (LocalDate date : all) {
            assertThat(CalendarDates.parseIso(date.toString())).contains(date);
        }
        CalendarDates.findAfter(text, NoticeReader.DEADLINE_CUE)
                .ifPresent(date -> assertThat(all).contains(date));
        CalendarDates.parseIso(text).ifPresent(date -> assertThat(all).containsExactly(date));
    }

    /**
     * A notice's facts never throw, its identifiers are canonical (they parse back to themselves) and the items made
     * of it (one per standard of a batch notice) all have a key with a non-blank part after the listed key.
     */
    @MethodSource("notices")
    @FuzzTest(maxDuration = "5m")
    void noticeFacts(byte[] input) {
        String notice = new String(input, StandardCharsets.UTF_8);
        int lineBreak = notice.indexOf('\n');
        String title = lineBreak < 0 ? notice : notice.substring(0, lineBreak);
        String body = lineBreak < 0 ? "" : notice.substring(lineBreak + 1);

        NoticeFacts facts = NoticeReader.read(title, body, List.of());
        for (String id : facts.standardIds()) {
            assertThat(StandardId.parse(id)).map(StandardId::canonical).contains(id);
        }
        ObservedItem listed = new ObservedItem("portal.notices:fuzz", "https://www.tc260.org.cn/fuzz", null,
                title.isBlank() ? "通知" : title, List.of(), List.of(), null, null, List.of(), null);
        List<ObservedItem> items = NoticeReader.itemsFor(listed, facts);
        assertThat(items).isNotEmpty().allSatisfy(item -> {
            assertThat(item.itemKey()).startsWith(listed.itemKey());
            String rest = item.itemKey().substring(listed.itemKey().length());
            assertThat(rest.isEmpty() || (rest.startsWith("#") && !rest.substring(1).isBlank()))
                    .as("key %s", item.itemKey()).isTrue();
        });
        assertThat(items).extracting(ObservedItem::kind).doesNotContainNull();
    }

    /** The detail pages of the adapter tests as {@code title\ntext}. */
    static Stream<Arguments> notices() throws IOException, URISyntaxException {
        Path fixtures = Path.of(NoticeTextFuzzTest.class.getResource("/org/tc260watch/scraper/source").toURI());
        try (Stream<Path> files = Files.walk(fixtures)) {
            return files.filter(f -> f.getFileName().toString().contains("detail")).sorted()
                    .map(f -> Arguments.of(Named.of(f.getFileName().toString(), notice(f)))).toList().stream();
        }
    }

    private static byte[] notice(Path file) {
        try {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            return (page.title() + "\n" + page.body().text()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
