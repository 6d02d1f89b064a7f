package org.tc260watch.differ.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tc260watch.differ.detect.ChangeNetting;
import org.tc260watch.differ.detect.ItemPresence;
import org.tc260watch.differ.detect.RunTally;
import org.tc260watch.differ.detect.SourceEvents;
import org.tc260watch.differ.detect.SourceState;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;

/**
 * Keyed by source: decides which detected changes are told, and when an item is gone. Never cries wolf:
 * <ul>
 *   <li><b>Baseline.</b> A source's first HEALTHY run and every run before it fill state silently; the baseline is
 *   told once as {@code source.baselined} with counts.</li>
 *   <li><b>Flapping.</b> A run's changes are held until the run settles (verdict in, all its snapshots seen) and told
 *   net ({@link ChangeNetting}).</li>
 *   <li><b>Absence.</b> An item of a catalogue or open-for-comment list absent from K consecutive HEALTHY complete runs
 *   of its source is gone (sent to its standard, which decides between closed and withdrawn). DEGRADED, FAILED,
 *   incomplete and unverified runs count for nothing.</li>
 *   <li><b>Health.</b> Every change of a source's verdict (HEALTHY ↔ DEGRADED ↔ FAILED) is told with the reason.</li>
 * </ul>
 * Emits {@link ChangeEvent}s (keyed by standard key) and {@link StandardInput} departures (keyed by origin key).
 * Changes and verdicts reach the gate through different partitions, so a run's records are gathered by run id
 * ({@link RunTally}); a run overtaken by a later verdict, or waiting longer than the settle timeout, settles unverified
 * (its changes are told, its absences not counted).
 */
final class SourceGateProcessor implements Processor<String, GateInput, String, Object> {

    private final int absentRuns;
    private final Duration settleTimeout;
    private ProcessorContext<String, Object> context;
    /** Timestamp for what is forwarded: the record being processed, or the wall clock in a punctuation. */
    private long timestamp;
    private KeyValueStore<String, SourceState> sources;
    private KeyValueStore<String, RunTally> tallies;
    private KeyValueStore<String, ChangeEvent> held;
    private KeyValueStore<String, ItemPresence> presence;

    SourceGateProcessor(int absentRuns, Duration settleTimeout) {
        this.absentRuns = absentRuns;
        this.settleTimeout = settleTimeout;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.sources = context.getStateStore(DifferTopology.SOURCES_STORE);
        this.tallies = context.getStateStore(DifferTopology.RUNS_STORE);
        this.held = context.getStateStore(DifferTopology.HELD_STORE);
        this.presence = context.getStateStore(DifferTopology.PRESENCE_STORE);
        context.schedule(settleTimeout, PunctuationType.WALL_CLOCK_TIME, this::settleStale);
    }

    @Override
    public void process(Record<String, GateInput> record) {
        GateInput in = record.value();
        timestamp = record.timestamp();
        if (in.sighting() != null) {
            onSighting(record.key(), in.sighting());
        } else if (in.run() != null) {
            onRun(record.key(), in.run());
        }
    }

    private void onSighting(String source, Sighting s) {
        SourceState state = state(source);
        if (s.listing().absenceMeansRemoval()) {
            ItemPresence before = presence.get(presenceKey(source, s.itemKey()));
            presence.put(presenceKey(source, s.itemKey()), new ItemPresence(s.itemKey(), s.origin(), s.listing(),
                    s.sourceUrl(), before != null && before.lastSeenAt().isAfter(s.observedAt()) ? before.lastSeenAt()
                            : s.observedAt(), before == null ? 0 : before.missed()));
        }
        if (state.lastSettledAt() != null && !s.observedAt().isAfter(state.lastSettledAt())) {
            // Its run settled already (overtaken or timed out): tell its changes as they are, if after the baseline.
            if (state.tells(s.observedAt())) {
                s.changes().forEach(this::tell);
            }
            return;
        }
        String key = tallyKey(source, s.runId());
        RunTally t = tallies.get(key);
        if (t == null) {
            t = new RunTally(s.runId(), null, 0, 0, s.observedAt(), context.currentSystemTimeMs());
        }
        int n = t.held();
        for (ChangeEvent change : s.changes()) {
            held.put(heldKey(source, s.runId(), n++), change);
        }
        t = new RunTally(t.runId(), t.verdict(), t.seen() + 1, n, s.observedAt(), t.arrivedAtMs());
        if (t.ready()) {
            settle(source, t, true);
        } else {
            tallies.put(key, t);
        }
    }

    private void onRun(String source, ScrapeRun run) {
        // Runs of one source are sequential: an older run still gathering cannot complete in order any more.
        List<RunTally> older = new ArrayList<>();
        try (KeyValueIterator<String, RunTally> it = tallies.prefixScan(source + "|", new StringSerializer())) {
            while (it.hasNext()) {
                RunTally t = it.next().value;
                if (!t.runId().equals(run.runId()) && t.at() != null && t.at().isBefore(run.startedAt())) {
                    older.add(t);
                }
            }
        }
        older.forEach(t -> settle(source, t, false));
        String key = tallyKey(source, run.runId());
        RunTally t = tallies.get(key);
        t = t == null ? new RunTally(run.runId(), run, 0, 0, null, context.currentSystemTimeMs())
                : new RunTally(t.runId(), run, t.seen(), t.held(), t.observedAt(), t.arrivedAtMs());
        if (t.ready()) {
            settle(source, t, true);
        } else {
            tallies.put(key, t);
        }
    }

    /** Tells what a run amounts to and forgets its tally. {@code verified}: all its snapshots were seen. */
    private void settle(String source, RunTally t, boolean verified) {
        tallies.delete(tallyKey(source, t.runId()));
        List<ChangeEvent> changes = new ArrayList<>(t.held());
        for (int i = 0; i < t.held(); i++) {
            String key = heldKey(source, t.runId(), i);
            ChangeEvent c = held.get(key);
            if (c != null) {
                changes.add(c);
                held.delete(key);
            }
        }
        SourceState state = state(source);
        ScrapeRun run = t.verdict();
        SourceState next;
        if (run == null) {
            // Its verdict never came (the scraper stopped mid-run): what it saw is still true.
            if (state.tells(t.observedAt())) {
                ChangeNetting.net(changes).forEach(this::tell);
            }
            next = new SourceState(state.baselineRunId(), state.baselineFinishedAt(), state.health(), state.reason(),
                    later(state, t.observedAt()), state.silencedStandards());
        } else if (!state.baselined()) {
            int silenced = state.silencedStandards()
                    + (int) changes.stream().filter(c -> c.type() == ChangeType.STANDARD_ADDED).count();
            if (run.health() == Health.HEALTHY) {
                tell(SourceEvents.baselined(run, silenced));
                next = new SourceState(run.runId(), run.finishedAt(), run.health(), run.reason(),
                        later(state, run.finishedAt()), silenced);
            } else {
                if (run.health() != state.health()) {
                    tell(SourceEvents.healthChanged(run, state.health(), state.reason()));
                }
                next = new SourceState(null, null, run.health(), run.reason(), later(state, run.finishedAt()), silenced);
            }
        } else {
            ChangeNetting.net(changes.stream().filter(c -> state.tells(c.detectedAt())).toList()).forEach(this::tell);
            if (run.health() != state.health()) {
                tell(SourceEvents.healthChanged(run, state.health(), state.reason()));
            }
            if (verified && run.health() == Health.HEALTHY && run.complete()) {
                countAbsences(source, run);
            }
            next = new SourceState(state.baselineRunId(), state.baselineFinishedAt(), run.health(), run.reason(),
                    later(state, run.finishedAt()), state.silencedStandards());
        }
        sources.put(source, next);
    }

    private void countAbsences(String source, ScrapeRun run) {
        List<KeyValue<String, ItemPresence>> all = new ArrayList<>();
        try (KeyValueIterator<String, ItemPresence> it = presence.prefixScan(source + "|", new StringSerializer())) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, ItemPresence> e : all) {
            ItemPresence p = e.value;
            if (!p.lastSeenAt().isBefore(run.startedAt())) {
                if (p.missed() != 0) {
                    presence.put(e.key, new ItemPresence(p.itemKey(), p.origin(), p.listing(), p.sourceUrl(),
                            p.lastSeenAt(), 0));
                }
            } else if (p.missed() + 1 >= absentRuns) {
                presence.delete(e.key);
                context.forward(new Record<>(p.origin(), StandardInput.gone(new StandardInput.Gone(p.itemKey(), source,
                        p.listing(), run.finishedAt(), p.sourceUrl())), timestamp));
            } else {
                presence.put(e.key, new ItemPresence(p.itemKey(), p.origin(), p.listing(), p.sourceUrl(),
                        p.lastSeenAt(), p.missed() + 1));
            }
        }
    }

    /** Settles runs whose records did not all arrive within the settle timeout (a snapshot lost or unreadable). */
    private void settleStale(long wallClockMs) {
        timestamp = wallClockMs;
        List<KeyValue<String, RunTally>> stale = new ArrayList<>();
        try (KeyValueIterator<String, RunTally> it = tallies.all()) {
            it.forEachRemaining(e -> {
                if (wallClockMs - e.value.arrivedAtMs() >= settleTimeout.toMillis()) {
                    stale.add(e);
                }
            });
        }
        for (KeyValue<String, RunTally> e : stale) {
            settle(e.key.substring(0, e.key.indexOf('|')), e.value, false);
        }
    }

    private void tell(ChangeEvent change) {
        context.forward(new Record<>(change.standardKey(), change, timestamp));
    }

    private SourceState state(String source) {
        SourceState s = sources.get(source);
        return s == null ? SourceState.NEW : s;
    }

    private static java.time.Instant later(SourceState state, java.time.Instant at) {
        return state.lastSettledAt() == null || at.isAfter(state.lastSettledAt()) ? at : state.lastSettledAt();
    }

    private static String tallyKey(String source, String runId) {
        return source + "|" + runId;
    }

    private static String heldKey(String source, String runId, int n) {
        return source + "|" + runId + "|" + String.format("%06d", n);
    }

    private static String presenceKey(String source, String itemKey) {
        return source + "|" + itemKey;
    }
}
