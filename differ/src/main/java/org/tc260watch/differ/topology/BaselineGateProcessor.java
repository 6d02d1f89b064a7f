package org.tc260watch.differ.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tc260watch.differ.detect.SourceBaseline;
import org.tc260watch.events.ChangeEvent;

/** Keyed by source: lets changes through once the source has a baseline (see {@link SourceBaseline}). */
final class BaselineGateProcessor implements Processor<String, GateInput, String, ChangeEvent> {

    private ProcessorContext<String, ChangeEvent> context;
    private KeyValueStore<String, SourceBaseline> sources;

    @Override
    public void init(ProcessorContext<String, ChangeEvent> context) {
        this.context = context;
        this.sources = context.getStateStore(DifferTopology.SOURCES_STORE);
    }

    @Override
    public void process(Record<String, GateInput> record) {
        String source = record.key();
        SourceBaseline current = sources.get(source);
        if (current == null) {
            current = SourceBaseline.NEW;
        }
        GateInput in = record.value();
        SourceBaseline.Decision decision = in.run() != null
                ? current.onRun(in.run())
                : current.onChange(in.change().runId(), in.change().change());
        if (!decision.next().equals(current)) {
            sources.put(source, decision.next());
        }
        for (ChangeEvent change : decision.released()) {
            context.forward(new Record<>(change.standardKey(), change, record.timestamp()));
        }
    }
}
