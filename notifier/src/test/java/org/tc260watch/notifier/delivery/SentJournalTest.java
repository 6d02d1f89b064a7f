package org.tc260watch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentJournalTest {

    @TempDir
    Path dir;

    @Test
    void notesSentMailsByQueueUntilCleared() {
        SentJournal journal = new SentJournal(dir.resolve("data/sent.journal"));
        assertThat(journal.entries()).isEmpty();
        journal.record("delivery", 7);
        journal.record("digest", 2);
        journal.record("delivery", 8);
        assertThat(journal.entries()).isEqualTo(Map.of("delivery", List.of(7L, 8L), "digest", List.of(2L)));
        // A process started later reads what the killed one noted.
        assertThat(new SentJournal(dir.resolve("data/sent.journal")).entries()).containsKeys("delivery", "digest");
        journal.clear();
        assertThat(journal.entries()).isEmpty();
        journal.record("delivery", 9);
        assertThat(journal.entries()).isEqualTo(Map.of("delivery", List.of(9L)));
    }

    @Test
    void aLineCutShortIsNotRead() throws Exception {
        Path file = dir.resolve("sent.journal");
        new SentJournal(file).record("delivery", 41);
        Files.writeString(file, "delivery 4", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        assertThat(new SentJournal(file).entries()).isEqualTo(Map.of("delivery", List.of(41L)));
    }
}
