package org.tc260watch.differ.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tc260watch.differ.detect.PendingChange;
import org.tc260watch.differ.detect.StandardDiff;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardState;

/** Applies snapshots, keyed by standard key, to the standards store and forwards new states and detected changes. */
final class StandardProcessor implements Processor<String, Snapshot, String, Detection> {

    private ProcessorContext<String, Detection> context;
    private KeyValueStore<String, StandardState> standards;

    @Override
    public void init(ProcessorContext<String, Detection> context) {
        this.context = context;
        this.standards = context.getStateStore(DifferTopology.STANDARDS_STORE);
    }

    @Override
    public void process(Record<String, Snapshot> record) {
        String key = record.key();
        Snapshot snapshot = record.value();
        StandardDiff.Result result = StandardDiff.apply(key, standards.get(key), snapshot);
        standards.put(key, result.state());
        if (result.changed()) {
            context.forward(record.withValue(new Detection(result.state(), null)));
        }
        for (var change : result.changes()) {
            context.forward(record.withValue(new Detection(null, new PendingChange(snapshot.source(), snapshot.runId(), change))));
        }
    }
}
