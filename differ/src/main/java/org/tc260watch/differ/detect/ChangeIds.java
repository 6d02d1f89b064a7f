package org.tc260watch.differ.detect;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.tc260watch.events.ChangeType;

/**
 * Deterministic change ids: the same change replayed from the same input gets the same id. A standard's changes are
 * named by its origin key (stable while its public key migrates), the type and the state version.
 */
public final class ChangeIds {

    private ChangeIds() {
    }

    public static String of(String originKey, ChangeType type, long stateVersion) {
        return of(originKey, type, Long.toString(stateVersion));
    }

    /** For changes that happen once per something other than a state version (a deadline, a source run). */
    public static String of(String subject, ChangeType type, String occasion) {
        String name = subject + "|" + type.wireName() + "|" + occasion;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
