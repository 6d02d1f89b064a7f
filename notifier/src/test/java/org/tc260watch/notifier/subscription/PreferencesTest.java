package org.tc260watch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.web.InvalidRequestException;

class PreferencesTest {

    private static Filters filters(List<String> keywords, List<String> kinds, List<String> stages,
            List<String> changeTypes) {
        return new Filters(keywords, null, kinds, stages, null, changeTypes);
    }

    @Test
    void valuesAreCanonicalNormalisedAndWithoutRepeatsOrBlanks() {
        Preferences p = Preferences.of(
                new Filters(List.of(" 数据安全 ", "ｍｙ　ｗｏｒｄ", "", "数据安全"), List.of("AI"),
                        List.of("comment_draft_notice", "Notice"), List.of("comment draft", "PUBLISHED"),
                        List.of("GB/T 35273"), List.of("standard.published", "STANDARD_ADDED", "Comment-Period.Closing")),
                " daily ", "ZH");
        assertThat(p.filters()).isEqualTo(new Filters(List.of("数据安全", "my word"), List.of("AI"),
                List.of("COMMENT_DRAFT_NOTICE", "NOTICE"), List.of("COMMENT_DRAFT", "PUBLISHED"), List.of("GB/T 35273"),
                List.of("standard.published", "standard.added", "comment-period.closing")));
        assertThat(p.delivery()).isEqualTo(DeliveryMode.DAILY);
        assertThat(p.language()).isEqualTo(MailLanguage.ZH);
    }

    @Test
    void topicsMustBeTagsOfTheRuleFileAndAreSpelledAsItSpellsThem() {
        TopicTagger tagger = new TopicTagger();
        Preferences p = Preferences.of(new Filters(null, List.of(" Data-Security ", "ai-safety", "data-security"),
                null, null, null, null), null, null).withKnownTopics(tagger);
        assertThat(p.filters().topics()).containsExactly("data-security", "ai-safety");
        assertThatThrownBy(() -> Preferences.of(new Filters(null, List.of("astrology"), null, null, null, null), null,
                null).withKnownTopics(tagger))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("filters.topics").hasMessageContaining("astrology")
                .hasMessageContaining("ai-intrinsic-risk");
        assertThat(Preferences.of(null, "daily", null).withKnownTopics(tagger).filters()).isNull();
    }

    @Test
    void absentPartsLeaveTheSubscriptionAsItIs() {
        Subscription s = new Subscription();
        s.filters = filters(List.of("kept"), null, null, null);
        s.deliveryMode = DeliveryMode.WEEKLY;
        Preferences.of(null, null, "en").applyTo(s);
        assertThat(s.filters.keywords()).containsExactly("kept");
        assertThat(s.deliveryMode).isEqualTo(DeliveryMode.WEEKLY);
        assertThat(s.language).isEqualTo(MailLanguage.EN);
        Preferences.of(Filters.NONE, null, null).applyTo(s);
        assertThat(s.filters).isEqualTo(Filters.NONE);
    }

    @Test
    void unknownValuesAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Preferences.of(null, "hourly", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("delivery: unknown value 'hourly'; one of INSTANT, DAILY, WEEKLY");
        assertThatThrownBy(() -> Preferences.of(null, null, "fr"))
                .hasMessage("language: unknown value 'fr'; one of zh, en, both");
        assertThatThrownBy(() -> Preferences.of(filters(null, List.of("MEMO"), null, null), null, null))
                .hasMessageStartingWith("filters.kinds: unknown value 'MEMO'; one of COMMENT_DRAFT_NOTICE, NOTICE,");
        assertThatThrownBy(() -> Preferences.of(filters(null, null, List.of("征求意见稿"), null), null, null))
                .hasMessageStartingWith("filters.stages: unknown value '征求意见稿'; one of PRE_RESEARCH,");
        assertThatThrownBy(() -> Preferences.of(filters(null, null, null, List.of("standard.renamed")), null, null))
                .hasMessageStartingWith("filters.changeTypes: unknown value 'standard.renamed'; one of standard.added,");
    }

    @Test
    void listsAreBounded() {
        List<String> many = Collections.nCopies(Preferences.MAX_ENTRIES + 1, "x");
        assertThatThrownBy(() -> Preferences.of(filters(many, null, null, null), null, null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("filters.keywords has 21 entries; at most 20 are allowed");
        assertThat(Preferences.of(filters(Collections.nCopies(20, "x"), null, null, null), null, null)
                .filters().keywords()).containsExactly("x");
        String longest = "长".repeat(Preferences.MAX_ENTRY_LENGTH);
        assertThat(Preferences.of(filters(List.of(longest), null, null, null), null, null).filters().keywords())
                .containsExactly(longest);
        assertThatThrownBy(() -> Preferences.of(filters(List.of(longest + "长"), null, null, null), null, null))
                .hasMessageStartingWith("filters.keywords: an entry is longer than 100 characters: '长长");
    }
}
