package org.tc260watch.differ.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tc260watch.differ.identity.IdentityResolver;
import org.tc260watch.differ.identity.IdentityResolver.Entity;
import org.tc260watch.events.Snapshot;

/**
 * Resolves which standard each snapshot speaks of ({@link IdentityResolver}) and forwards it keyed by the standard's
 * origin key. One task sees every snapshot, so the alias index is one consistent whole; it does little per record
 * (a few store lookups), while the per-standard work downstream scales by partition.
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
        for (String alias : r.newAliases()) {
            aliases.put(alias, entity.origin());
        }
        if (!entity.equals(entities.get(entity.origin()))) {
            entities.put(entity.origin(), entity);
        }
        context.forward(new Record<>(entity.origin(), StandardInput.observed(record.value(), entity), record.timestamp()));
    }
}
