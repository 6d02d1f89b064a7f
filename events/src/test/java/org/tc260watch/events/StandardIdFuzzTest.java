package org.tc260watch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the identifier parser and the text normaliser (docs/fuzzing.md). Seeds: every line of the personal
 * information catalogue fixture (a table row full of identifiers, dates and statuses) and the forms the site uses
 * that the catalogue lacks (full-width, ranges, adoptions, plans, practice guides, reports).
 */
@Timeout(30)
class StandardIdFuzzTest {

    /**
     * An identifier parsed from any text, and every one found in it, is canonical: its canonical form parses back to
     * the same identifier. {@code findAll} finds at least what {@code parse} reads from the same text.
     */
    @MethodSource("texts")
    @FuzzTest(maxDuration = "5m")
    void standardId(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        StandardId.parse(text).ifPresent(id -> {
            assertRoundTrips(id);
            assertThat(StandardId.findAll(text)).extracting(StandardId::canonical).contains(id.canonical());
        });
        StandardId.findAll(text).forEach(StandardIdFuzzTest::assertRoundTrips);
    }

    /** Normalised text is stable (normalising again changes nothing), trimmed, and has only single ASCII spaces. */
    @MethodSource("texts")
    @FuzzTest(maxDuration = "5m")
    void textNormaliser(byte[] input) {
        String once = TextNormaliser.normalise(new String(input, StandardCharsets.UTF_8));
        assertThat(TextNormaliser.normalise(once)).isEqualTo(once);
        assertThat(once).isEqualTo(once.strip()).doesNotContain("  ").doesNotContainPattern("[\\p{IsWhite_Space}&&[^ ]]");
    }

    private static void assertRoundTrips(StandardId id) {
        assertThat(StandardId.parse(id.canonical())).as("parse(%s)", id.canonical())
                .map(StandardId::canonical).contains(id.canonical());
    }

    static Stream<Arguments> texts() {
        Stream<String> siteForms = Stream.of("ＧＢ／Ｔ　３５２７３－２０２０", "GB/Z 185.1～GB/Z 185.7—2026",
                "GB/T 22239—2019/ISO/IEC 27033-1:2015", "20240896-T-469", "TC260-PG-202512A", "TC260-PG-2025NA",
                "TC260-TR-001-2024", "TC260-003", "GB/T XXXXX-XXXX", "关于发布GB/T 47020—2026《网络安全技术 软件物料清单数据格式》等3项国家标准的通知");
        try (InputStream in = StandardIdFuzzTest.class.getResourceAsStream("/pi-catalogue-2025.csv")) {
            String catalogue = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Stream.concat(siteForms, catalogue.lines())
                    .map(text -> Arguments.of(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
