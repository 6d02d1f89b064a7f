package org.tc260watch.scraper.poll;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link SourceMemory} of every source, for the life of the process. */
@Singleton
public class SourceMemories {

    private final Map<String, SourceMemory> bySource = new ConcurrentHashMap<>();

    SourceMemory of(String source) {
        return bySource.computeIfAbsent(source, s -> new SourceMemory());
    }
}
