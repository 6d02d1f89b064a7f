package org.tc260watch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.web.InvalidRequestException;
import org.tc260watch.notifier.web.StrictJson;

/**
 * Fuzz tests of the subscription API's bodies without HTTP (docs/fuzzing.md): the bytes are read as the resource
 * reads them ({@link StrictJson} over the event JSON settings the service's mapper gets) and then checked as the
 * resource checks them. A body is either accepted, or refused with {@link JsonProcessingException} (unreadable JSON,
 * an unknown property, a wrong type) or {@link CharConversionException} (bytes Jackson cannot decode; both answered
 * 400 by ApiExceptionMappers) or {@link InvalidRequestException} (400); anything else would be a 500. Findings are
 * kept in {@code SubscriptionBodyFuzzTestInputs/<target>/}.
 */
@Timeout(30)
class SubscriptionBodyFuzzTest {

    private static final ObjectMapper MAPPER = EventJson.configure(new ObjectMapper());
    private static final ObjectReader SUBSCRIBE = new StrictJson().apply(MAPPER, SubscribeRequest.class);
    private static final ObjectReader CHANGE = new StrictJson().apply(MAPPER, PreferencesRequest.class);
    private static final TopicTagger TAGGER = new TopicTagger();

    /** {@code POST /api/subscriptions}: an accepted body has a normalised address and bounded preferences. */
    @MethodSource("bodies")
    @FuzzTest(maxDuration = "5m")
    void subscribeBody(byte[] body) throws IOException {
        SubscribeRequest request = read(SUBSCRIBE, body);
        if (request == null) {
            return;
        }
        accepted(() -> {
            EmailAddress email = request.address();
            assertThat(EmailAddress.parse(email.value())).isEqualTo(email);
            assertBounded(request.preferences().withKnownTopics(TAGGER));
        });
    }

    /** {@code PUT /api/subscriptions/manage}. */
    @MethodSource("bodies")
    @FuzzTest(maxDuration = "5m")
    void preferencesBody(byte[] body) throws IOException {
        PreferencesRequest request = read(CHANGE, body);
        if (request == null) {
            return;
        }
        accepted(() -> assertBounded(request.preferences().withKnownTopics(TAGGER)));
    }

    /** The request, or null when the body is refused as JSON (or is JSON {@code null}, which the resource refuses). */
    private static <T> T read(ObjectReader reader, byte[] body) throws IOException {
        try {
            return reader.readValue(body);
        } catch (JsonProcessingException | CharConversionException refused) {
            return null;
        }
    }

    /** Runs the checks of an acceptable body; a refusal must be an InvalidRequestException that says why. */
    private static void accepted(Runnable checks) {
        try {
            checks.run();
        } catch (InvalidRequestException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static void assertBounded(Preferences preferences) {
        if (preferences.filters() == null) {
            return;
        }
        Filters f = preferences.filters();
        for (List<String> list : List.of(f.keywords(), f.topics(), f.kinds(), f.stages(), f.idPrefixes(),
                f.changeTypes())) {
            assertThat(list).hasSizeLessThanOrEqualTo(Preferences.MAX_ENTRIES).doesNotHaveDuplicates()
                    .allSatisfy(entry -> assertThat(entry.codePointCount(0, entry.length()))
                            .isBetween(1, Preferences.MAX_ENTRY_LENGTH));
        }
        assertThat(f.topics()).allMatch(TAGGER::isKnown);
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                        "{\"email\":\"you@example.org\"}",
                        "{\"email\":\" Pat@Example.ORG\u3000\",\"delivery\":\"daily\",\"language\":\"both\"}",
                        "{\"email\":\"张三@例子.中国\",\"filters\":{\"keywords\":[\"个人信息\",\"数据\"],"
                                + "\"topics\":[\"personal-information\"],\"kinds\":[\"comment draft\"],"
                                + "\"stages\":[\"published\"],\"idPrefixes\":[\"GB/T 35273\",\"TC260-PG\"],"
                                + "\"changeTypes\":[\"standard.published\",\"COMMENT_OPENED\"]}}",
                        "{\"delivery\":\"WEEKLY\",\"language\":\"en\"}",
                        "{\"filters\":{\"keywords\":[]}}",
                        "{\"filter\":{}}",
                        "null",
                        "[]")
                .map(json -> Arguments.of((Object) json.getBytes(StandardCharsets.UTF_8)));
    }
}
