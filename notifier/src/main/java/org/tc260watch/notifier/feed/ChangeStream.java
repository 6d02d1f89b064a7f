package org.tc260watch.notifier.feed;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.readmodel.ChangeFilter;
import org.tc260watch.notifier.readmodel.ChangeQuery;
import org.tc260watch.notifier.readmodel.SeqHorizon;

/**
 * The live change stream behind {@code /api/changes/stream}: each connection polls the database from the last
 * sequence number it sent. Polling the shared database (rather than being woken by this instance's consumer) sees the
 * changes every notifier instance stores, and resuming is the same query as following; {@link SeqHorizon} keeps a
 * stream from passing a number whose insert has not committed yet. Nothing is kept between polls but the cursor, so a
 * reconnecting client with {@code Last-Event-ID} continues exactly where it stopped.
 */
@ApplicationScoped
public class ChangeStream {

    /** Changes read per poll (a resuming client catches up this many at a time, without waiting between). */
    static final int BATCH = 100;

    private final ChangeQuery changes;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final Duration gapGrace;

    public ChangeStream(ChangeQuery changes, Clock clock, NotifierConfig config) {
        this.changes = changes;
        this.clock = clock;
        this.pollInterval = config.stream().pollInterval();
        this.heartbeat = config.stream().heartbeat();
        this.gapGrace = config.stream().gapGrace();
    }

    /** One stored change as the stream sends it. */
    public record Streamed(long seq, String type, String payload) {
    }

    @Transactional
    public long lastSeq() {
        return changes.lastSeq();
    }

    /** The changes matching {@code filter} stored after {@code afterSeq}, then every new one, as SSE events. */
    public Multi<OutboundSseEvent> follow(ChangeFilter filter, long afterSeq, Sse sse) {
        Follower follower = new Follower(filter, afterSeq);
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(pollInterval)
                // A slow poll (a long catch-up) makes the ticks it missed pointless, not an error.
                .onOverflow().drop()
                // Polls read the database: on a worker thread, never on the event loop the ticks may come on.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .concatMap(tick -> Multi.createFrom().iterable(follower.poll(sse)));
    }

    // The reads below are called from the follower, on this same instance: ArC intercepts such self-invocations, so
    // each poll gets its own short transaction (and no connection is held between polls).

    @Transactional
    public List<Long> arrivedAfter(long afterSeq) {
        return changes.arrivedAfter(afterSeq, BATCH);
    }

    @Transactional
    public List<Streamed> matchingAfter(ChangeFilter filter, long afterSeq) {
        return changes.oldestFirstAfter(filter, afterSeq, BATCH).stream()
                .map(c -> new Streamed(c.seq, c.type, c.payload)).toList();
    }

    /** The state of one connection; polled by one thread at a time (concatMap). */
    private final class Follower {
        private final ChangeFilter filter;
        private final SeqHorizon horizon = new SeqHorizon(gapGrace);
        private long cursor;
        private Instant lastSent;

        Follower(ChangeFilter filter, long afterSeq) {
            this.filter = filter;
            this.cursor = afterSeq;
            this.lastSent = clock.instant();
        }

        List<OutboundSseEvent> poll(Sse sse) {
            Instant now = clock.instant();
            long safe = horizon.advance(cursor, arrivedAfter(cursor), now);
            List<OutboundSseEvent> events = new ArrayList<>();
            if (safe > cursor) {
                List<Streamed> read = matchingAfter(filter, cursor);
                for (Streamed change : read) {
                    if (change.seq() > safe) {
                        break;
                    }
                    events.add(sse.newEventBuilder().id(Long.toString(change.seq())).name(change.type())
                            .data(String.class, change.payload()).build());
                    cursor = change.seq();
                }
                // A full batch may have more matches below the horizon: continue from the last one sent.
                boolean full = read.size() == BATCH && read.get(read.size() - 1).seq() <= safe;
                if (!full) {
                    cursor = safe;
                }
            }
            if (!events.isEmpty()) {
                lastSent = now;
            } else if (!now.isBefore(lastSent.plus(heartbeat))) {
                // A comment line: keeps proxies from closing an idle connection; clients ignore it.
                events.add(sse.newEventBuilder().comment("heartbeat").build());
                lastSent = now;
            }
            return events;
        }
    }
}
