package org.tc260watch.differ.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardId;

/**
 * Which standard a snapshot speaks of, across page types and site generations. Every standard has a stable origin key
 * (the key it was first known by) and a public key that may migrate as better identifiers are learnt: a draft announced
 * as {@code title:数据安全技术…} becomes {@code GB/T 45001-2027} when an item links that title to that number.
 *
 * <p>An item is linked, in this order, by its own item key (an item always speaks of the standard it first spoke of),
 * by an identifier (national number, plan number, TC260 document number), or by its normalised title
 * ({@link StandardKeys#titleKey}). A title never links two different numbers of one type: GB/T 35273-2017 and
 * GB/T 35273-2020 share a title but are two editions.
 *
 * <p>Only unambiguous items teach new aliases: an item that names several standards (a news item citing three numbers,
 * two 《》 titles) is routed by its first identifier but does not claim the others for that standard.
 */
public final class IdentityResolver {

    private static final String ITEM = "item:";
    private static final String ID = "id:";

    private IdentityResolver() {
    }

    /** What is known: who owns an alias, and what a standard's identifiers are. */
    public interface Index {
        /** @return the origin key of the standard that owns {@code alias}, or null */
        String ownerOf(String alias);

        /** @return the standard with that origin key, or null */
        Entity entity(String origin);
    }

    /** One standard as the index knows it: its origin key and the identifiers linked to it. */
    public record Entity(String origin, List<String> ids) {

        public Entity {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }

        /** Best identifier (national > plan > document), else the origin key (a title key). */
        public String publicKey() {
            return StandardKeys.bestId(ids).map(StandardId::canonical).orElse(origin);
        }
    }

    /**
     * @param entity     the standard after this snapshot (identifiers it teaches added)
     * @param newAliases aliases to register for {@code entity.origin()}
     * @param absorbed   origin keys of standards this item shows to be the same one: their aliases now belong to
     *                   {@code entity} and their state joins it
     */
    public record Resolution(Entity entity, List<String> newAliases, List<String> absorbed) {
    }

    public static Resolution resolve(Snapshot snapshot, Index index) {
        List<StandardId> ids = StandardKeys.realIds(snapshot.standardIds());
        String titleAlias = titleAlias(snapshot);
        String itemAlias = ITEM + snapshot.itemKey();
        boolean unambiguous = snapshot.bookTitles().size() <= 1
                && ids.stream().collect(Collectors.groupingBy(StandardId::type, Collectors.counting()))
                        .values().stream().allMatch(n -> n == 1);

        Entity found = find(index, itemAlias, ids, titleAlias);
        String origin;
        Set<String> aliases = new LinkedHashSet<>();
        List<String> entityIds;
        if (found == null) {
            Optional<StandardId> primary = StandardKeys.bestId(snapshot.standardIds());
            origin = primary.map(StandardId::canonical).orElse(titleAlias != null ? titleAlias : itemAlias);
            entityIds = primary.map(p -> List.of(p.canonical())).orElse(List.of());
            primary.ifPresent(p -> aliases.add(ID + p.canonical()));
            if (titleAlias != null && (unambiguous || primary.isEmpty()) && index.ownerOf(titleAlias) == null) {
                aliases.add(titleAlias);
            }
        } else {
            origin = found.origin();
            entityIds = new ArrayList<>(found.ids());
        }
        aliases.add(itemAlias);
        List<String> absorbed = new ArrayList<>();
        if (unambiguous && found != null) {
            // Another known standard owns one of this item's names: the item shows they are one, unless their
            // numbers disagree.
            List<String> names = new ArrayList<>(ids.stream().map(id -> ID + id.canonical()).toList());
            if (titleAlias != null) {
                names.add(titleAlias);
            }
            for (String name : names) {
                String owner = index.ownerOf(name);
                Entity other = owner == null || owner.equals(origin) || absorbed.contains(owner) ? null
                        : index.entity(owner);
                if (other != null && compatible(parse(entityIds), parse(other.ids()))
                        && compatible(parse(other.ids()), ids)) {
                    absorbed.add(owner);
                    entityIds = new ArrayList<>(new LinkedHashSet<>(concat(entityIds, other.ids())));
                }
            }
        }
        if (unambiguous) {
            List<String> learnt = new ArrayList<>(entityIds);
            for (StandardId id : ids) {
                String canonical = id.canonical();
                if (!learnt.contains(canonical) && index.ownerOf(ID + canonical) == null
                        && compatible(parse(learnt), List.of(id))) {
                    learnt.add(canonical);
                    aliases.add(ID + canonical);
                }
            }
            entityIds = learnt;
            if (titleAlias != null && index.ownerOf(titleAlias) == null) {
                aliases.add(titleAlias);
            }
        }
        aliases.removeIf(a -> origin.equals(index.ownerOf(a)) || absorbed.contains(index.ownerOf(a)));
        return new Resolution(new Entity(origin, entityIds), List.copyOf(aliases), List.copyOf(absorbed));
    }

    private static Entity find(Index index, String itemAlias, List<StandardId> ids, String titleAlias) {
        String owner = index.ownerOf(itemAlias);
        for (int i = 0; owner == null && i < ids.size(); i++) {
            owner = index.ownerOf(ID + ids.get(i).canonical());
        }
        if (owner == null && titleAlias != null) {
            String byTitle = index.ownerOf(titleAlias);
            Entity candidate = byTitle == null ? null : index.entity(byTitle);
            if (candidate != null && compatible(parse(candidate.ids()), ids)) {
                return candidate;
            }
        }
        if (owner == null) {
            return null;
        }
        Entity known = index.entity(owner);
        return known != null ? known : new Entity(owner, List.of());
    }

    /** False when both name a number of one type and those numbers differ (two editions, two plan projects). */
    static boolean compatible(Collection<StandardId> known, Collection<StandardId> seen) {
        Map<StandardId.Type, Set<String>> mine = known.stream().collect(Collectors.groupingBy(StandardId::type,
                Collectors.mapping(StandardId::canonical, Collectors.toSet())));
        for (StandardId id : seen) {
            Set<String> same = mine.get(id.type());
            if (same != null && !same.contains(id.canonical())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<StandardId> parse(List<String> canonical) {
        return StandardKeys.realIds(canonical);
    }

    private static String titleAlias(Snapshot snapshot) {
        String title = snapshot.bookTitles().isEmpty() ? snapshot.title() : snapshot.bookTitles().get(0);
        if (title == null) {
            return null;
        }
        String key = StandardKeys.titleKey(title);
        return key.length() > StandardKeys.TITLE_KEY_PREFIX.length() ? key : null;
    }
}
