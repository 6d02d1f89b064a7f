package org.tc260watch.differ.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tc260watch.differ.detect.ClosingReminders;
import org.tc260watch.differ.detect.StandardDiff;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardState;

/**
 * Keyed by origin key: applies snapshots and departures to the standards store, forwards new states and a sighting per
 * snapshot (with the changes it caused) for the source gate; on wall-clock time it closes comment periods whose
 * deadline passed and tells "comments close in N days" reminders for the standards of its partitions.
 */
final class StandardProcessor implements Processor<String, StandardInput, String, Detection> {

    private final ClosingReminders reminders;
    private final Duration reminderCheck;
    private ProcessorContext<String, Detection> context;
    private KeyValueStore<String, StandardState> standards;
    private KeyValueStore<String, ItemRecord> items;
    private KeyValueStore<String, SentReminders> sent;

    StandardProcessor(ClosingReminders reminders, Duration reminderCheck) {
        this.reminders = reminders;
        this.reminderCheck = reminderCheck;
    }

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        this.context = context;
        this.standards = context.getStateStore(DifferTopology.STANDARDS_STORE);
        this.items = context.getStateStore(DifferTopology.ITEMS_STORE);
        this.sent = context.getStateStore(DifferTopology.REMINDERS_STORE);
        context.schedule(reminderCheck, PunctuationType.WALL_CLOCK_TIME, this::onClock);
    }

    @Override
    public void process(Record<String, StandardInput> record) {
        StandardInput in = record.value();
        if (in.snapshot() != null && in.entity() != null) {
            observe(record.key(), in, record.timestamp());
        } else if (in.gone() != null) {
            gone(record.key(), in.gone(), record.timestamp());
        } else if (in.mergeInto() != null) {
            handOver(record.key(), in.mergeInto(), record.timestamp());
        } else if (in.absorb() != null) {
            absorb(record.key(), in.absorb(), record.timestamp());
        }
    }

    /** This standard turned out to be part of another: its state and items move to the survivor's task. */
    private void handOver(String origin, String survivor, long timestamp) {
        StandardState state = standards.get(origin);
        if (state == null) {
            return;
        }
        Map<String, ItemRecord> records = new LinkedHashMap<>();
        for (String itemKey : state.itemKeys()) {
            ItemRecord r = items.get(itemKey);
            if (r != null) {
                records.put(itemKey, r);
                items.delete(itemKey);
            }
        }
        standards.delete(origin);
        context.forward(new Record<>(origin, Detection.retire(state.key()), timestamp));
        context.forward(new Record<>(origin, Detection.command(survivor, StandardInput.absorb(state, records)), timestamp));
    }

    private void absorb(String origin, StandardInput.Absorbed absorbed, long timestamp) {
        absorbed.items().forEach(items::put);
        StandardState old = standards.get(origin);
        StandardDiff.Result result = StandardDiff.absorb(old, absorbed.state(), origin);
        standards.put(origin, result.state());
        publish(old, result, timestamp);
    }

    private void observe(String origin, StandardInput in, long timestamp) {
        Snapshot s = in.snapshot();
        StandardState old = standards.get(origin);
        ItemRecord before = items.get(s.itemKey());
        boolean restated = old != null && before != null && s.contentHash() != null
                && s.contentHash().equals(before.contentHash());
        StandardDiff.Result result = StandardDiff.apply(old, s, in.entity(), restated);
        standards.put(origin, result.state());
        ItemRecord now = new ItemRecord(s.contentHash(), s.listingOrArchive());
        if (!now.equals(before)) {
            items.put(s.itemKey(), now);
        }
        publish(old, result, timestamp);
        context.forward(new Record<>(origin, Detection.of(new Sighting(s.source(), s.runId(), s.itemKey(), origin,
                s.listingOrArchive(), s.sourceUrl(), s.observedAt(), result.changes())), timestamp));
    }

    private void gone(String origin, StandardInput.Gone gone, long timestamp) {
        items.delete(gone.itemKey());
        StandardState old = standards.get(origin);
        if (old == null) {
            return;
        }
        boolean otherLiveListing = old.itemKeys().stream()
                .filter(k -> !k.equals(gone.itemKey()))
                .map(items::get)
                .anyMatch(i -> i != null && i.listing().absenceMeansRemoval());
        StandardDiff.Result result = StandardDiff.gone(old, gone.itemKey(), gone.listing(), gone.goneAt(),
                otherLiveListing, gone.sourceUrl());
        standards.put(origin, result.state());
        publish(old, result, timestamp);
        for (ChangeEvent change : result.changes()) {
            context.forward(new Record<>(origin, Detection.direct(change), timestamp));
        }
    }

    private void publish(StandardState old, StandardDiff.Result result, long timestamp) {
        if (!result.changed()) {
            return;
        }
        String origin = result.state().originKey();
        if (old != null && !Objects.equals(old.key(), result.state().key())) {
            context.forward(new Record<>(origin, Detection.retire(old.key()), timestamp));
        }
        context.forward(new Record<>(origin, Detection.of(result.state()), timestamp));
    }

    private void onClock(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        LocalDate today = now.atZone(ClosingReminders.SITE_ZONE).toLocalDate();
        try (KeyValueIterator<String, StandardState> all = standards.all()) {
            while (all.hasNext()) {
                KeyValue<String, StandardState> entry = all.next();
                StandardState state = entry.value;
                if (state.commentEnd() == null) {
                    continue;
                }
                StandardDiff.Result closed = StandardDiff.closeByCalendar(state, today, now);
                if (closed.changed()) {
                    standards.put(entry.key, closed.state());
                    publish(state, closed, wallClockMs);
                    closed.changes().forEach(c -> context.forward(new Record<>(entry.key, Detection.direct(c), wallClockMs)));
                    continue;
                }
                remind(entry.key, state, today, now, wallClockMs);
            }
        }
    }

    private void remind(String origin, StandardState state, LocalDate today, Instant now, long wallClockMs) {
        // Keyed by deadline too: a moved deadline has reminders of its own.
        String sentKey = origin + "|" + state.commentEnd();
        SentReminders already = sent.get(sentKey);
        reminders.due(state, today, already == null ? List.of() : already.days()).ifPresent(due -> {
            sent.put(sentKey, new SentReminders(due.sentNow()));
            context.forward(new Record<>(origin, Detection.direct(ClosingReminders.event(state, due, today, now)),
                    wallClockMs));
        });
    }
}
