package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Calc;
import io.firstwall.plan.Power;

/** rules/permits/permits_by_region.drl.csv: one row per rule, boundary cases by region. */
class PermitsByRegionTableTests {

    static final LocalDate DECISION = LocalDate.of(2026, 1, 15);

    @ParameterizedTest(name = "{0}: on-site gas of about 890 MW needs {1}")
    @CsvSource({
            "US-TN, PERM-010, permits.air_permit_months.contested",
            "US-MS, PERM-011, permits.air_permit_months.standard",
            "US-TX, PERM-012, permits.air_permit_months.standard",
            "US-VA, PERM-013, permits.air_permit_months.nonattainment",
            "US-AZ, PERM-014, permits.air_permit_months.nonattainment",
            "US-OH, PERM-015, permits.air_permit_months.standard",
            "US-GA, PERM-016, permits.air_permit_months.standard",
            "US-LA, PERM-017, permits.air_permit_months.standard",
            "US-PA, PERM-018, permits.air_permit_months.nonattainment",
            "US-WI, PERM-030, permits.air_permit_months.nonattainment",
            "US-ND, PERM-031, permits.air_permit_months.standard",
            "US-WY, PERM-032, permits.air_permit_months.standard",
            "US-CA, PERM-033, permits.air_permit_months.nonattainment"})
    void largeOnSiteGasNeedsTheRegionsAirPermit(String region, String rule, String leadFact) {
        Analysis a = analyze(plan(region, Power.ONSITE_GAS).phase("2026-06-30", 330_000).with("existingBuilding", true));
        assertThat(a.rulesFired()).contains(rule);
        assertThat(wall(a, "PERMITS").fullCapacityOn()).isEqualTo(Calc.plusMonths(DECISION, fact(leadFact)));
        assertThat(wall(a, "PERMITS").explanation()).contains("air permit");
    }

    /**
     * On 34 MW aeroderivatives N+1, one running plus a spare (68 MW) stays under 100 MW; from about 10,300
     * GB300 two run plus a spare (102 MW) and the permit is needed.
     */
    @ParameterizedTest(name = "{0} accelerators of on-site gas in Texas: air permit {1}")
    @CsvSource({
            "5000, false",
            "10000, false",
            "10300, true",
            "330000, true"})
    void theAirPermitThresholdIs100MegawattsOfGeneration(long accelerators, boolean needed) {
        Analysis a = analyze(plan("US-TX", Power.ONSITE_GAS).phase("2030-06-30", accelerators)
                .with("existingBuilding", true).with("turbineType", "AERODERIVATIVE"));
        assertThat(a.demand().get(0).generationMw() > 100).isEqualTo(needed);
        assertThat(a.rulesFired().contains("PERM-012")).isEqualTo(needed);
    }

    @ParameterizedTest(name = "{0}: a grid plan needs no air permit")
    @CsvSource({"US-TN", "US-MS", "US-TX", "US-VA", "US-AZ", "US-OH", "US-GA", "US-LA", "US-PA", "US-WI", "US-ND",
            "US-WY", "US-CA"})
    void gridPlansNeedNoAirPermit(String region) {
        Analysis a = analyze(plan(region, Power.GRID).phase("2030-06-30", 330_000).with("existingBuilding", true));
        assertThat(a.rulesFired()).noneMatch(r -> r.compareTo("PERM-010") >= 0 && r.compareTo("PERM-019") <= 0
                || r.compareTo("PERM-030") >= 0 && r.compareTo("PERM-033") <= 0);
    }

    @ParameterizedTest(name = "{0}: a new building needs local approval ({1})")
    @CsvSource({
            "US-VA, PERM-020", "US-TX, PERM-021", "US-TN, PERM-022", "US-MS, PERM-023", "US-AZ, PERM-024",
            "US-OH, PERM-025", "US-GA, PERM-026", "US-LA, PERM-027", "US-PA, PERM-028", "US-WI, PERM-034",
            "US-ND, PERM-035", "US-WY, PERM-036", "US-CA, PERM-037"})
    void aNewBuildingNeedsLocalApproval(String region, String rule) {
        Analysis a = analyze(plan(region, Power.GRID).phase("2026-02-28", 1000).with("existingPowerMW", 10));
        assertThat(a.rulesFired()).contains(rule);
        assertThat(wall(a, "PERMITS").fullCapacityOn())
                .isEqualTo(Calc.plusMonths(DECISION, fact("permits.local_approval_months." + region)));
    }

    @ParameterizedTest(name = "{0}: an existing building skips local approval ({1})")
    @CsvSource({
            "US-VA, PERM-020", "US-TX, PERM-021", "US-TN, PERM-022", "US-MS, PERM-023", "US-AZ, PERM-024",
            "US-OH, PERM-025", "US-GA, PERM-026", "US-LA, PERM-027", "US-PA, PERM-028", "US-WI, PERM-034",
            "US-ND, PERM-035", "US-WY, PERM-036", "US-CA, PERM-037"})
    void anExistingBuildingSkipsLocalApproval(String region, String rule) {
        Analysis a = analyze(plan(region, Power.GRID).phase("2026-03-31", 1000).with("existingBuilding", true));
        assertThat(a.rulesFired()).doesNotContain(rule);
    }

    /** Fuel cells burn no gas: no major-source air permit, however large (before, 1 GW of them waited 17 months in Memphis). */
    @ParameterizedTest(name = "{0}: fuel cells need no major-source air permit ({1} does not fire)")
    @CsvSource({"US-TN, PERM-010", "US-VA, PERM-013", "US-PA, PERM-018"})
    void fuelCellsNeedNoMajorSourceAirPermit(String region, String rule) {
        Analysis cells = analyze(plan(region, Power.ONSITE_GAS).phase("2030-06-30", 330_000).with("existingBuilding", true)
                .with("turbineType", "FUEL_CELL"));
        assertThat(cells.demand().get(0).generationMw()).isGreaterThan(100);
        assertThat(cells.rulesFired()).doesNotContain(rule);
        Analysis engines = analyze(plan(region, Power.ONSITE_GAS).phase("2030-06-30", 330_000).with("existingBuilding", true)
                .with("turbineType", "GAS_ENGINE"));
        assertThat(engines.rulesFired()).contains(rule);
    }
}
