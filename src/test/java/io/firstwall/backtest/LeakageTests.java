package io.firstwall.backtest;

import static io.firstwall.analysis.AnalysisFixtures.ANALYZER;
import static io.firstwall.analysis.AnalysisFixtures.FACTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactStatus;

/**
 * No leakage: the fact base as shipped learns nothing from a scored project, and the check finds a fact
 * that names one, cites one of its addresses (however written) or one of its dockets.
 */
class LeakageTests {

    static final List<Backtest.Project> PROJECTS = read();

    static List<Backtest.Project> read() {
        try {
            return Backtest.read(BacktestTests.REAL, FACTS, ANALYZER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static FactBase with(Fact extra) {
        List<Fact> facts = new ArrayList<>(FACTS.facts());
        facts.add(extra);
        return new FactBase(facts, FACTS.regions().values(), FACTS.accelerators().values());
    }

    static Fact fact(String source, String projects) {
        return new Fact("test.leak", 1, null, null, "months", LocalDate.of(2026, 1, 1), source, FactStatus.DERIVED, "",
                "", projects);
    }

    static Backtest.Project scored() {
        return PROJECTS.stream().filter(Backtest.Project::scored).filter(p -> !p.dockets().isEmpty()).findFirst()
                .orElseThrow();
    }

    @Test
    void theShippedFactBaseLeaksNothing() {
        assertThat(Leakage.find(PROJECTS, FACTS)).isEmpty();
    }

    @Test
    void theFactsDerivedFromProjectsNameOnlyCalibrationOnes() {
        List<String> named = FACTS.facts().stream().flatMap(f -> f.projectIds().stream()).distinct().toList();
        assertThat(named).contains("colossus-1", "hyperion");
        assertThat(PROJECTS).filteredOn(p -> named.contains(p.id())).allSatisfy(p -> assertThat(p.role())
                .isEqualTo("calibration"));
    }

    @Test
    void aFactNamingAScoredProjectLeaks() {
        Backtest.Project p = scored();
        assertThat(Leakage.find(PROJECTS, with(fact("a general survey", p.id()))))
                .extracting(Leakage.Leak::factId, Leakage.Leak::projectId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("test.leak", p.id()));
    }

    @Test
    void aFactNamingAProjectThatIsNotThereIsSaid() {
        assertThat(Leakage.find(PROJECTS, with(fact("a general survey", "no-such-campus"))))
                .singleElement().satisfies(l -> assertThat(l.why()).contains("no data/backtests/no-such-campus.json"));
    }

    @Test
    void aFactCitingAScoredProjectsAddressLeaksHoweverItIsWritten() {
        Backtest.Project p = scored();
        String url = p.urls().iterator().next();
        for (String written : List.of("https://" + url, "http://www." + url + "/", "(see HTTPS://" + url + ")")) {
            assertThat(Leakage.find(PROJECTS, with(fact("read in " + written + ", page 3", ""))))
                    .as(written).isNotEmpty().allSatisfy(l -> assertThat(l.projectId()).isNotNull());
        }
        assertThat(Leakage.find(PROJECTS, with(fact("read in https://" + url + "-other-page", "")))).isEmpty();
    }

    @Test
    void aFactCitingAScoredProjectsDocketLeaks() {
        Backtest.Project p = scored();
        String docket = p.dockets().get(0);
        assertThat(Leakage.find(PROJECTS, with(fact("FERC order in docket " + docket.toLowerCase() + "-000", ""))))
                .singleElement().satisfies(l -> assertThat(l.why()).contains("docket " + docket));
    }

    @Test
    void addressesAreComparedAsCitedPages() {
        assertThat(Sources.address("HTTPS://www.Example.com/a/b/")).isEqualTo("example.com/a/b");
        assertThat(Sources.in("A (https://a.org/x), and http://b.org/y. End")).containsExactly("a.org/x", "b.org/y");
        assertThat(Sources.in("no address here; ftp://c.org")).isEmpty();
    }
}
