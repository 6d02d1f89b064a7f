package org.tc260watch.differ.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tc260watch.differ.identity.IdentityResolver;
import org.tc260watch.differ.identity.IdentityResolver.Entity;
import org.tc260watch.events.Snapshot;

/**
 * Resolves which standard each snapshot speaks of ({@link IdentityResolver}) and forwards it keyed by the standard's
 * origin key. One task sees every snapshot, so the alias index is one consistent whole; it does little per record
 * (a few store lookups; a scan of the aliases only when two known standards turn out to be one), while the
 * per-standard work downstream scales by partition.
 */
final class IdentityProcessor implements Processor<String, Snapshot, String, StandardInput> {

    private ProcessorContext<String, StandardInput> context;
    private KeyValueStore<String, String> aliases;
    private KeyValueStore<String, Entity> entities;

    @Override
    public void init(ProcessorContext<String, StandardInput> context) {
        this.context = context;
        this.aliases = context.getStateStore(DifferTopology.ALIASES_STORE);
        this.entities = context.getStateStore(DifferTopology.ENTITIES_STORE);
    }

    @Override
    public void process(Record<String, Snapshot> record) {
        IdentityResolver.Resolution r = IdentityResolver.resolve(record.value(), new IdentityResolver.Index() {
            @Override
            public String ownerOf(String alias) {
                return aliases.get(alias);
            }

            @Override
            public Entity entity(String origin) {
                return entities.get(origin);
            }
        });
        Entity entity = r.entity();
        if (!r.absorbed().isEmpty()) {
            absorb(entity.origin(), r.absorbed(), record.timestamp());
        }
        for (String alias : r.newAliases()) {
            aliases.put(alias, entity.origin());
        }
        if (!entity.equals(entities.get(entity.origin()))) {
            entities.put(entity.origin(), entity);
        }
        context.forward(new Record<>(entity.origin(), StandardInput.observed(record.value(), entity), record.timestamp()));
    }

    /** Every alias of the absorbed standards now names the survivor; their tasks are told to hand their state over. */
    private void absorb(String survivor, List<String> absorbed, long timestamp) {
        List<String> moved = new ArrayList<>();
        try (KeyValueIterator<String, String> all = aliases.all()) {
            all.forEachRemaining(e -> {
                if (absorbed.contains(e.value)) {
                    moved.add(e.key);
                }
            });
        }
        moved.forEach(alias -> aliases.put(alias, survivor));
        for (String origin : absorbed) {
            entities.delete(origin);
            context.forward(new Record<>(origin, StandardInput.mergeInto(survivor), timestamp));
        }
    }
}
