package org.tc260watch.differ.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.differ.Fixtures;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.Health;

class SourceBaselineTest {

    private static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");

    private static ChangeEvent change(String id, Instant at) {
        return new ChangeEvent(id, ChangeType.STANDARD_ADDED, "k" + id, null, List.of(), at, List.of());
    }

    @Test
    void changesOfALaterRunThatOvertakeTheBaselineVerdictAreToldWhenItArrives() {
        SourceBaseline s = SourceBaseline.NEW;
        s = s.onChange("r1", change("a", T0)).next();                  // baseline run's own item
        s = s.onChange("r2", change("b", T0.plusSeconds(120))).next(); // next run, overtook r1's verdict
        SourceBaseline.Decision d = s.onRun(Fixtures.run("r1", Health.HEALTHY, 1, T0)); // finished T0+1s
        assertThat(d.released()).extracting(ChangeEvent::id).containsExactly("b");
        assertThat(d.next().baselined()).isTrue();
        assertThat(d.next().pending()).isEmpty();
    }

    @Test
    void anUnhealthyVerdictKeepsLaterChangesWaitingAndDropsItsOwn() {
        SourceBaseline s = SourceBaseline.NEW
                .onChange("r1", change("a", T0)).next()
                .onChange("r2", change("b", T0.plusSeconds(120))).next();
        SourceBaseline.Decision d = s.onRun(Fixtures.run("r1", Health.DEGRADED, 1, T0));
        assertThat(d.released()).isEmpty();
        assertThat(d.next().pending()).extracting(ChangeEvent::id).containsExactly("b");
        // r2 turns out to be the first healthy run: its own change is baseline, silent.
        d = d.next().onRun(Fixtures.run("r2", Health.HEALTHY, 1, T0.plusSeconds(119)));
        assertThat(d.released()).isEmpty();
    }

    @Test
    void afterTheBaselineLateChangesFromBeforeItStaySilentAndNewOnesAreTold() {
        SourceBaseline s = SourceBaseline.NEW.onRun(Fixtures.run("r5", Health.HEALTHY, 0, T0)).next();
        assertThat(s.onChange("r4", change("old", T0.minusSeconds(60))).released()).isEmpty();
        assertThat(s.onChange("r5", change("own", T0.plusSeconds(1))).released()).isEmpty();
        assertThat(s.onChange("r6", change("new", T0.plusSeconds(60))).released()).hasSize(1);
        assertThat(s.onRun(Fixtures.run("r6", Health.HEALTHY, 1, T0.plusSeconds(60))).next()).isEqualTo(s);
    }
}
