package org.tc260watch.notifier.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.subscription.Filters;

class FilterMatcherTest {

    private static final FilterMatcher MATCHER = new FilterMatcher(new TopicTagger());

    /** A personal-information draft for comment, known by its plan number and its former title. */
    private static final StandardState DRAFT = new StandardState("20240896-T-469", List.of("20240896-T-469"),
            "网络安全技术 个人信息处理者合规审计要求", ItemKind.COMMENT_DRAFT_NOTICE, Stage.COMMENT_DRAFT,
            LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 25), null, null, List.of(), List.of(), List.of(),
            Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"), 1)
            .toBuilder().titles(List.of("信息安全技术 个人信息合规审计要求", "网络安全技术 个人信息处理者合规审计要求")).build();

    /** A published cryptography standard. */
    private static final StandardState PUBLISHED = new StandardState("GB/T 45001-2026", List.of("GB/T 45001-2026"),
            "信息安全技术 SM9 标识密码算法 第2部分", ItemKind.PUBLICATION_ANNOUNCEMENT, Stage.PUBLISHED, null, null,
            LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 1), List.of(), List.of(), List.of(), Instant.EPOCH,
            Instant.EPOCH, 4);

    private static final ChangeEvent ADDED = change(ChangeType.STANDARD_ADDED, DRAFT);
    private static final ChangeEvent PUBLICATION = change(ChangeType.PUBLISHED, PUBLISHED);

    private static ChangeEvent change(ChangeType type, StandardState state) {
        return new ChangeEvent("c-" + type + state.key(), type, state.key(), state,
                List.of(new FieldChange("stage", null, state.stage().name())), Instant.EPOCH, List.of());
    }

    private static Filters keywords(String... k) {
        return new Filters(List.of(k), null, null, null, null, null);
    }

    private static Filters topics(String... t) {
        return new Filters(null, List.of(t), null, null, null, null);
    }

    private static Filters kinds(String... k) {
        return new Filters(null, null, List.of(k), null, null, null);
    }

    private static Filters stages(String... s) {
        return new Filters(null, null, null, List.of(s), null, null);
    }

    private static Filters idPrefixes(String... p) {
        return new Filters(null, null, null, null, List.of(p), null);
    }

    private static Filters changeTypes(String... t) {
        return new Filters(null, null, null, null, null, List.of(t));
    }

    @Test
    void noFiltersMatchEverything() {
        assertThat(MATCHER.matches(Filters.NONE, ADDED)).isTrue();
        assertThat(MATCHER.matches(new Filters(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                PUBLICATION)).isTrue();
        assertThat(MATCHER.matches(keywords(" ", ""), PUBLICATION)).as("blank entries are no filter").isTrue();
    }

    @Test
    void keywordsAreCaseInsensitiveAndSearchTitlesIdentifiersAndKey() {
        assertThat(MATCHER.matches(keywords("合规审计"), ADDED)).isTrue();
        assertThat(MATCHER.matches(keywords("合规审计"), PUBLICATION)).isFalse();
        assertThat(MATCHER.matches(keywords("sm9"), PUBLICATION)).as("case-insensitive").isTrue();
        assertThat(MATCHER.matches(keywords("ＳＭ９"), PUBLICATION)).as("full-width folded").isTrue();
        assertThat(MATCHER.matches(keywords("个人信息合规审计要求"), ADDED)).as("a former title").isTrue();
        assertThat(MATCHER.matches(keywords("45001"), PUBLICATION)).as("an identifier").isTrue();
        assertThat(MATCHER.matches(keywords("T-469"), ADDED)).as("the key").isTrue();
        assertThat(MATCHER.matches(keywords("人工智能", "SM9"), PUBLICATION)).as("OR within the list").isTrue();
    }

    @Test
    void topicsComeFromTheTagger() {
        assertThat(MATCHER.matches(topics("personal-information"), ADDED)).isTrue();
        assertThat(MATCHER.matches(topics("personal-information"), PUBLICATION)).isFalse();
        assertThat(MATCHER.matches(topics("cryptography"), PUBLICATION)).isTrue();
        assertThat(MATCHER.matches(topics("Cryptography "), PUBLICATION)).as("case and spaces").isTrue();
        assertThat(MATCHER.matches(topics("ai-safety", "cryptography"), PUBLICATION)).isTrue();
        assertThat(MATCHER.matches(topics("no-such-topic"), PUBLICATION)).isFalse();
    }

    @Test
    void kindsAreTheStatesKind() {
        assertThat(MATCHER.matches(kinds("COMMENT_DRAFT_NOTICE"), ADDED)).isTrue();
        assertThat(MATCHER.matches(kinds("comment_draft_notice"), ADDED)).isTrue();
        assertThat(MATCHER.matches(kinds("COMMENT_DRAFT_NOTICE"), PUBLICATION)).isFalse();
        assertThat(MATCHER.matches(kinds("PRACTICE_GUIDE", "PUBLICATION_ANNOUNCEMENT"), PUBLICATION)).isTrue();
    }

    @Test
    void stagesAreTheStageAfterTheChangeByNameOrLabel() {
        assertThat(MATCHER.matches(stages("COMMENT_DRAFT"), ADDED)).isTrue();
        assertThat(MATCHER.matches(stages("征求意见稿"), ADDED)).isTrue();
        assertThat(MATCHER.matches(stages("draft for comment"), ADDED)).isTrue();
        assertThat(MATCHER.matches(stages("COMMENT_DRAFT"), PUBLICATION)).isFalse();
        assertThat(MATCHER.matches(stages("APPROVAL_DRAFT", "PUBLISHED"), PUBLICATION)).isTrue();
        assertThat(MATCHER.matches(stages("gibberish"), PUBLICATION)).isFalse();
    }

    @Test
    void idPrefixesIgnoreCaseSpacesAndDashes() {
        assertThat(MATCHER.matches(idPrefixes("GB/T 45001"), PUBLICATION)).isTrue();
        assertThat(MATCHER.matches(idPrefixes("gb/t45001"), PUBLICATION)).isTrue();
        assertThat(MATCHER.matches(idPrefixes("GB/T 45001–2026"), PUBLICATION)).as("an en dash").isTrue();
        assertThat(MATCHER.matches(idPrefixes("ＧＢ／Ｔ 45001"), PUBLICATION)).as("full-width").isTrue();
        assertThat(MATCHER.matches(idPrefixes("GB/T 45001"), ADDED)).isFalse();
        assertThat(MATCHER.matches(idPrefixes("2024 0896"), ADDED)).as("plan number, spaces ignored").isTrue();
        assertThat(MATCHER.matches(idPrefixes("45001"), PUBLICATION)).as("a prefix, not a substring").isFalse();
        assertThat(MATCHER.matches(idPrefixes("TC260-PG", "GB/T 45"), PUBLICATION)).isTrue();
    }

    @Test
    void changeTypesAreWireNamesOrEnumNames() {
        assertThat(MATCHER.matches(changeTypes("standard.published"), PUBLICATION)).isTrue();
        assertThat(MATCHER.matches(changeTypes("PUBLISHED"), PUBLICATION)).isTrue();
        assertThat(MATCHER.matches(changeTypes("standard.published"), ADDED)).isFalse();
        assertThat(MATCHER.matches(changeTypes("standard.added", "standard.withdrawn"), ADDED)).isTrue();
    }

    @Test
    void listsCombineWithAnd() {
        Filters both = new Filters(List.of("个人信息"), List.of("personal-information"), null,
                List.of("COMMENT_DRAFT"), null, List.of("standard.added"));
        assertThat(MATCHER.matches(both, ADDED)).isTrue();
        assertThat(MATCHER.matches(both, change(ChangeType.DEADLINE_CHANGED, DRAFT))).as("type differs").isFalse();
        Filters cryptoDrafts = new Filters(null, List.of("cryptography"), null, List.of("COMMENT_DRAFT"), null, null);
        assertThat(MATCHER.matches(cryptoDrafts, PUBLICATION)).as("topic matches, stage does not").isFalse();
        assertThat(MATCHER.matches(cryptoDrafts, ADDED)).as("stage matches, topic does not").isFalse();
    }

    @Test
    void aChangeWithoutStateMatchesOnlyTypeAndKeyFilters() {
        ChangeEvent bare = new ChangeEvent("c-bare", ChangeType.WITHDRAWN, "GB/T 1-2020", null, List.of(), null,
                List.of());
        assertThat(MATCHER.matches(Filters.NONE, bare)).isTrue();
        assertThat(MATCHER.matches(changeTypes("standard.withdrawn"), bare)).isTrue();
        assertThat(MATCHER.matches(idPrefixes("GB/T 1-"), bare)).isTrue();
        assertThat(MATCHER.matches(keywords("GB"), bare)).isFalse();
        assertThat(MATCHER.matches(topics("cryptography"), bare)).isFalse();
        assertThat(MATCHER.matches(kinds("NOTICE"), bare)).isFalse();
        assertThat(MATCHER.matches(stages("WITHDRAWN"), bare)).isFalse();
    }

    @Test
    void aStateAloneIgnoresChangeTypes() {
        Filters publishedOnly = new Filters(null, List.of("personal-information"), null, null, null,
                List.of("standard.published"));
        assertThat(MATCHER.matchesState(publishedOnly, DRAFT)).isTrue();
        assertThat(MATCHER.matches(publishedOnly, ADDED)).isFalse();
        assertThat(MATCHER.matchesState(topics("cryptography"), DRAFT)).isFalse();
        assertThat(MATCHER.matchesState(Filters.NONE, null)).isTrue();
    }
}
