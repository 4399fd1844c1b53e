package io.firstwall.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The facts a reviewer should check on a day, from the real fact base. */
class StalenessTests {

    static final FactBase FACTS = FactCsvReader.read(Path.of("data"));
    static final String GALLIUM_END = "gallium.us_exports_allowed@2026-11-27";

    static List<String> ids(LocalDate day) {
        return Staleness.of(FACTS, day).stream().map(Staleness.Stale::id).toList();
    }

    /** The assumed return of China's ban is the last point of its series: once its day passes, it is flagged. */
    @Test
    void aSeriesWhoseLastAssumedPointHasPassedIsFlagged() {
        assertThat(ids(LocalDate.of(2026, 11, 20))).doesNotContain(GALLIUM_END);
        assertThat(Staleness.of(FACTS, LocalDate.of(2026, 12, 7))).filteredOn(s -> s.id().equals(GALLIUM_END)).singleElement()
                .satisfies(s -> assertThat(s.why()).isEqualTo("the series ends on 2026-11-27, which has passed, and this point"
                        + " was an assumption: after it the rules keep its value"));
    }

    /** A series whose last point records what was observed (read on its own date, not assumed) is not flagged. */
    @Test
    void aSeriesEndingInAnObservationIsNotFlagged() {
        Fact lastLead = FACTS.points("chip.order_lead_months").lastEntry().getValue();
        assertThat(lastLead.status()).isNotEqualTo(FactStatus.ASSUMPTION);
        assertThat(lastLead.asOf()).isAfterOrEqualTo(Series.from(lastLead.id()));
        assertThat(ids(LocalDate.of(2026, 12, 7))).doesNotContain(lastLead.id());
    }

    /** Dates come first: a passed date, then an ended series, before figures that are only old. */
    @Test
    void datesComeBeforeOldFigures() {
        List<Staleness.Stale> stale = Staleness.of(FACTS, LocalDate.of(2026, 12, 7));
        assertThat(stale).extracting(Staleness.Stale::id).contains("accelerator.VR.available", GALLIUM_END);
        int lastDate = -1;
        int firstOld = stale.size();
        for (int i = 0; i < stale.size(); i++) {
            if (stale.get(i).why().startsWith("the figure is over")) {
                firstOld = Math.min(firstOld, i);
            } else {
                lastDate = i;
            }
        }
        assertThat(lastDate).isLessThan(firstOld);
    }
}
