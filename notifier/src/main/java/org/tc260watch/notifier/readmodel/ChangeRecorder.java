package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.delivery.DeliveryOutbox;
import org.tc260watch.notifier.matching.TopicTagger;

/**
 * Stores a change and its deliveries (one per active subscription whose filters match) in one transaction: either
 * both exist or neither does.
 */
@ApplicationScoped
public class ChangeRecorder {

    private final DeliveryOutbox outbox;
    private final TopicTagger tagger;
    private final Clock clock;
    private final Event<ReadModelVersion.Written> written;

    public ChangeRecorder(DeliveryOutbox outbox, TopicTagger tagger, Clock clock,
            Event<ReadModelVersion.Written> written) {
        this.outbox = outbox;
        this.tagger = tagger;
        this.clock = clock;
        this.written = written;
    }

    /**
     * @return the number of deliveries created, or -1 when the change was already stored (a redelivery)
     */
    @Transactional
    public int record(ChangeEvent event) {
        if (StoredChange.findById(event.id()) != null) {
            return -1;
        }
        Instant now = clock.instant();
        StoredChange change = row(event, tagger, now);
        change.persist();
        written.fire(new ReadModelVersion.Written());
        // A source's health and baseline are about the service's view of the site, not about a standard: kept in the
        // change history, mailed to nobody (the operator watches health), whatever the filters say.
        return event.type().aboutSource() ? 0 : outbox.enqueue(change, event, now);
    }

    /** The row of a change received at {@code receivedAt}, with its facets, not yet stored. */
    public static StoredChange row(ChangeEvent event, TopicTagger tagger, Instant receivedAt) {
        StoredChange change = new StoredChange();
        change.id = event.id();
        change.type = event.type().wireName();
        change.standardKey = event.standardKey();
        change.detectedAt = event.detectedAt();
        change.receivedAt = receivedAt;
        change.payload = toJson(event);
        change.index(Facets.of(event.state(), tagger, event.standardKey()));
        return change;
    }

    private static String toJson(ChangeEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write change " + event.id() + " as JSON", e);
        }
    }
}
