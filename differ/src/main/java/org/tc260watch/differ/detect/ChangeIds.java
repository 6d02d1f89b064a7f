package org.tc260watch.differ.detect;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.tc260watch.events.ChangeType;

/** Deterministic change ids: the same change replayed from the same input gets the same id. */
public final class ChangeIds {

    private ChangeIds() {
    }

    public static String of(String standardKey, ChangeType type, long stateVersion) {
        String name = standardKey + "|" + type.wireName() + "|" + stateVersion;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
