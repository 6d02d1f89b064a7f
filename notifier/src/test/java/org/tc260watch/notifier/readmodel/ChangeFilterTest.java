package org.tc260watch.notifier.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.matching.TopicTagger;
import org.tc260watch.notifier.web.InvalidRequestException;

class ChangeFilterTest {

    @Test
    void readsRepeatedAndCommaSeparatedValuesInEverySpellingIntoOneCanonicalForm() {
        ChangeFilter a = ChangeFilter.of(List.of("standard.published,comment-period.closing"), List.of("practice_guide"),
                List.of("征求意见稿"), List.of("Data-Security"), "  ＧＢ/Ｔ 35273 ");
        ChangeFilter b = ChangeFilter.of(List.of("COMMENT_PERIOD_CLOSING", "published"), List.of("PRACTICE-GUIDE"),
                List.of("comment_draft"), List.of("data-security"), "gb/t 35273");
        assertThat(a).isEqualTo(b);
        assertThat(a.types()).containsExactly("comment-period.closing", "standard.published");
        assertThat(a.kinds()).containsExactly(ItemKind.PRACTICE_GUIDE.name());
        assertThat(a.stages()).containsExactly(Stage.COMMENT_DRAFT.name());
        assertThat(a.q()).isEqualTo("gb/t 35273");
        assertThat(a.canonical()).isEqualTo(b.canonical());
    }

    @Test
    void readsBackFromItsQueryAndDescribesItselfForPeople() {
        ChangeFilter filter = ChangeFilter.of(List.of("published"), null, null, List.of("ai-safety", "data-security"),
                "数据 & 安全");
        assertThat(filter.toQuery()).isEqualTo("type=standard.published&topic=ai-safety&topic=data-security"
                + "&q=%E6%95%B0%E6%8D%AE%20%26%20%E5%AE%89%E5%85%A8");
        assertThat(filter.describe()).isEqualTo("type: standard.published; topic: ai-safety, data-security; q: 数据 & 安全");
        assertThat(ChangeFilter.NONE.toQuery()).isEmpty();
        assertThat(ChangeFilter.NONE.describe()).isEmpty();
    }

    @Test
    void absentAndBlankParametersFilterNothing() {
        ChangeFilter none = ChangeFilter.of(null, List.of(""), List.of(" , "), null, "  ");
        assertThat(none).isEqualTo(ChangeFilter.NONE);
        assertThat(none.isEmpty()).isTrue();
    }

    @Test
    void unknownValuesAreRefusedNamingTheParameterAndTheAcceptedValues() {
        assertThatThrownBy(() -> ChangeFilter.of(List.of("standard.exploded"), null, null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("type")
                .hasMessageContaining("standard.withdrawn");
        assertThatThrownBy(() -> ChangeFilter.of(null, List.of("poem"), null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("kind")
                .hasMessageContaining("PUBLISHED_STANDARD");
        assertThatThrownBy(() -> ChangeFilter.of(null, null, List.of("golden"), null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> ChangeFilter.of(null, null, null, null, "x".repeat(201)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("200");
    }

    @Test
    void facetsHoldTagsAndASearchTextThatFindsIdentifiersWithoutSpaces() {
        TopicTagger tagger = TopicTagger.fromRules("""
                tags = cryptography
                series = 信息安全技术
                cryptography.zh = 密码
                cryptography.en = Cryptography
                cryptography.description = Cryptography.
                cryptography.keywords = 密码
                """);
        StandardState state = new StandardState("GB/T 39786-2021", List.of("GB/T 39786-2021"),
                "信息安全技术 信息系统密码应用基本要求", ItemKind.PUBLISHED_STANDARD, Stage.PUBLISHED, null, null,
                LocalDate.of(2021, 3, 9), null, List.of(), List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, 1);
        Facets facets = Facets.of(state, tagger, "GB/T 39786-2021");
        assertThat(facets.topics()).isEqualTo(",cryptography,");
        assertThat(Facets.topicList(facets.topics())).containsExactly("cryptography");
        assertThat(facets.searchText()).contains("gb/t 39786-2021", "gb/t39786", "信息系统密码应用基本要求");
        assertThat(facets.kind()).isEqualTo("PUBLISHED_STANDARD");
        assertThat(facets.stage()).isEqualTo("PUBLISHED");
    }

    @Test
    void aChangeAboutASourceHasNoTopicsAndOnlyItsKeyToSearch() {
        Facets facets = Facets.of(null, new TopicTagger(), "source:shtml.drafts");
        assertThat(facets.topics()).isEqualTo(",");
        assertThat(Facets.topicList(facets.topics())).isEmpty();
        assertThat(facets.kind()).isNull();
        assertThat(facets.searchText()).isEqualTo("source:shtml.drafts");
    }
}
