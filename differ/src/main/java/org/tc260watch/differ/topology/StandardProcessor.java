package org.tc260watch.differ.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tc260watch.differ.detect.ClosingReminders;
import org.tc260watch.differ.detect.PendingChange;
import org.tc260watch.differ.detect.StandardDiff;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardState;

/**
 * Applies snapshots, keyed by standard key, to the standards store and forwards new states and detected changes; on
 * wall-clock time it also tells "comments close in N days" reminders for the standards of its partitions.
 */
final class StandardProcessor implements Processor<String, Snapshot, String, Detection> {

    private final ClosingReminders reminders;
    private final Duration reminderCheck;
    private ProcessorContext<String, Detection> context;
    private KeyValueStore<String, StandardState> standards;
    private KeyValueStore<String, SentReminders> sent;

    StandardProcessor(ClosingReminders reminders, Duration reminderCheck) {
        this.reminders = reminders;
        this.reminderCheck = reminderCheck;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        this.context = context;
        this.standards = context.getStateStore(DifferTopology.STANDARDS_STORE);
        this.sent = context.getStateStore(DifferTopology.REMINDERS_STORE);
        context.schedule(reminderCheck, PunctuationType.WALL_CLOCK_TIME, this::remind);
    }

    @Override
    public void process(Record<String, Snapshot> record) {
        String key = record.key();
        Snapshot snapshot = record.value();
        StandardDiff.Result result = StandardDiff.apply(key, standards.get(key), snapshot);
        standards.put(key, result.state());
        if (result.changed()) {
            context.forward(record.withValue(Detection.of(result.state())));
        }
        for (var change : result.changes()) {
            context.forward(record.withValue(Detection.of(new PendingChange(snapshot.source(), snapshot.runId(), change))));
        }
    }

    private void remind(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        LocalDate today = now.atZone(ClosingReminders.SITE_ZONE).toLocalDate();
        try (KeyValueIterator<String, StandardState> all = standards.all()) {
            while (all.hasNext()) {
                KeyValue<String, StandardState> entry = all.next();
                StandardState state = entry.value;
                if (state.commentEnd() == null) {
                    continue;
                }
                // Keyed by deadline too: a moved deadline has reminders of its own.
                String sentKey = entry.key + "|" + state.commentEnd();
                SentReminders already = sent.get(sentKey);
                reminders.due(state, today, already == null ? List.of() : already.days()).ifPresent(due -> {
                    sent.put(sentKey, new SentReminders(due.sentNow()));
                    context.forward(new Record<>(entry.key,
                            Detection.direct(ClosingReminders.event(state, due, today, now)), wallClockMs));
                });
            }
        }
    }
}
