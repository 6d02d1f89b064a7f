package org.tc260watch.differ.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tc260watch.differ.identity.IdentityResolver.Entity;
import org.tc260watch.differ.identity.IdentityResolver.Resolution;
import org.tc260watch.events.Snapshot;

/** Identity resolution against an in-memory index, the way {@code IdentityProcessor} keeps it in its stores. */
class IdentityResolverTest {

    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Entity> entities = new HashMap<>();
    private IdentityResolver.Index index;

    @BeforeEach
    void index() {
        index = new IdentityResolver.Index() {
            @Override
            public String ownerOf(String alias) {
                return aliases.get(alias);
            }

            @Override
            public Entity entity(String origin) {
                return entities.get(origin);
            }
        };
    }

    private Entity see(String itemKey, List<String> ids, String... books) {
        Snapshot s = new Snapshot("portal.notices", null, itemKey, "u", null, "t", ids, List.of(books), null, null,
                List.of(), null, "h", Instant.EPOCH, "r", null);
        Resolution r = IdentityResolver.resolve(s, index);
        r.newAliases().forEach(a -> aliases.put(a, r.entity().origin()));
        entities.put(r.entity().origin(), r.entity());
        return r.entity();
    }

    @Test
    void aTitleOnlyDraftLaterNumberedKeepsItsOriginAndMigratesItsPublicKey() {
        Entity draft = see("a", List.of(), "信息安全技术 数据分类分级规则（征求意见稿）");
        assertThat(draft.origin()).isEqualTo("title:网络安全技术数据分类分级规则");
        assertThat(draft.publicKey()).isEqualTo(draft.origin());

        Entity planned = see("b", List.of("20240001-T-469"), "信息安全技术 数据分类分级规则");
        assertThat(planned.origin()).isEqualTo(draft.origin());
        assertThat(planned.publicKey()).isEqualTo("20240001-T-469");

        Entity published = see("c", List.of("GB/T 45100-2026"), "网络安全技术 数据分类分级规则");
        assertThat(published.origin()).isEqualTo(draft.origin());
        assertThat(published.ids()).containsExactly("20240001-T-469", "GB/T 45100-2026");
        assertThat(published.publicKey()).isEqualTo("GB/T 45100-2026");

        // Later items find it by number, or by their own item key whatever their title says now.
        assertThat(see("d", List.of("GB/T 45100-2026"), "完全不同的标题").origin()).isEqualTo(draft.origin());
        assertThat(see("a", List.of(), "网络安全技术 另一个标题").origin()).isEqualTo(draft.origin());
    }

    @Test
    void aTitleNeverLinksTwoDifferentNumbersOfOneKind() {
        Entity old = see("a", List.of("GB/T 35273-2017"), "信息安全技术 个人信息安全规范");
        Entity current = see("b", List.of("GB/T 35273-2020"), "信息安全技术 个人信息安全规范");
        assertThat(current.origin()).isNotEqualTo(old.origin()).isEqualTo("GB/T 35273-2020");
        assertThat(old.ids()).containsExactly("GB/T 35273-2017");
    }

    @Test
    void anItemNamingSeveralStandardsIsRoutedByItsFirstButClaimsNoneOfTheOthers() {
        Entity news = see("n", List.of("GB/T 45200-2026", "GB/T 45201-2026"), "数据安全技术 甲", "数据安全技术 乙");
        assertThat(news.origin()).isEqualTo("GB/T 45200-2026");
        assertThat(news.ids()).containsExactly("GB/T 45200-2026");
        assertThat(aliases).doesNotContainKey("id:GB/T 45201-2026").doesNotContainKey("title:数据安全技术甲");

        assertThat(see("x", List.of("GB/T 45201-2026"), "数据安全技术 乙").origin()).isEqualTo("GB/T 45201-2026");
    }

    @Test
    void anItemNamingTwoKnownStandardsShowsTheyAreOne() {
        Entity draft = see("a", List.of(), "数据安全技术 数据分类分级规则");
        Entity plan = see("p", List.of("20240001-T-469"), "数据安全技术 数据分类和分级规则");
        assertThat(plan.origin()).isNotEqualTo(draft.origin());

        Snapshot bridge = new Snapshot("portal.notices", null, "n", "u", null, "t", List.of("20240001-T-469"),
                List.of("数据安全技术 数据分类分级规则"), null, null, List.of(), null, "h", Instant.EPOCH, "r", null);
        Resolution r = IdentityResolver.resolve(bridge, index);
        assertThat(r.entity().origin()).isEqualTo(plan.origin());
        assertThat(r.absorbed()).containsExactly(draft.origin());
    }

    @Test
    void twoKnownStandardsWithDifferentNumbersAreNeverMerged() {
        see("a", List.of("GB/T 35273-2017"), "信息安全技术 个人信息安全规范");
        see("b", List.of("GB/T 35273-2020"), "网络安全技术 个人信息安全规范（修订）");
        Snapshot bridge = new Snapshot("portal.notices", null, "n", "u", null, "t", List.of("GB/T 35273-2020"),
                List.of("信息安全技术 个人信息安全规范"), null, null, List.of(), null, "h", Instant.EPOCH, "r", null);
        assertThat(IdentityResolver.resolve(bridge, index).absorbed()).isEmpty();
    }

    @Test
    void placeholdersNameNothing() {
        Entity e = see("a", List.of("GB/T XXXXX-XXXX"), "数据安全技术 未成年人个人信息保护要求");
        assertThat(e.origin()).isEqualTo("title:数据安全技术未成年人个人信息保护要求");
        assertThat(e.ids()).isEmpty();
    }

    @Test
    void anItemWithNeitherTitleNorNumberIsItsOwnStandard() {
        Snapshot bare = new Snapshot("portal.notices", null, "portal.notices:z", "u", null, "  ", List.of(), List.of(),
                null, null, List.of(), null, "h", Instant.EPOCH, "r", null);
        assertThat(IdentityResolver.resolve(bare, index).entity().origin()).isEqualTo("item:portal.notices:z");
    }
}
