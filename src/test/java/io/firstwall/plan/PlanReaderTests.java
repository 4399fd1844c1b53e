package io.firstwall.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firstwall.analysis.AnalysisFixtures;

class PlanReaderTests {

    static final PlanReader READER = new PlanReader(AnalysisFixtures.FACTS);

    static final String VALID = """
            {
              "name": "1 GW on-site gas campus",
              "location": "US-TN",
              "power": "ONSITE_GAS",
              "accelerator": "GB300",
              "decisionDate": "2026-01-15",
              "phases": [ {"online": "2026-12-31", "accelerators": 110000},
                          {"online": "2027-06-30", "accelerators": 330000} ],
              "attributes": { "turbineSlotReserved": false, "hbmAllocationSecured": false, "existingPowerMW": 12.5,
                              "galliumSource": "CN" }
            }""";

    @Test
    void readsTheV1Format() {
        Plan plan = READER.read(VALID);
        assertThat(plan.name()).isEqualTo("1 GW on-site gas campus");
        assertThat(plan.power()).isEqualTo(Power.ONSITE_GAS);
        assertThat(plan.decisionDate()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(plan.phases()).extracting(Phase::accelerators).containsExactly(110_000L, 330_000L);
        assertThat(plan.flag("turbineSlotReserved")).isFalse();
        assertThat(plan.number("existingPowerMW", 0)).isEqualTo(12.5);
        assertThat(plan.text("galliumSource", "")).isEqualTo("CN");
    }

    @Test
    void attributesAreOptional() {
        assertThat(READER.read(VALID.replaceAll("(?s),\\s*\"attributes\".*\\}\\s*\\}", "}")).attributes()).isEmpty();
    }

    @Test
    void everyExamplePlanIsValid() throws Exception {
        try (var files = Files.list(Path.of("data/plans"))) {
            for (Path file : files.toList()) {
                assertThat(READER.read(Files.readString(file)).phases()).as(file.toString()).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "\"name\": \"1 GW on-site gas campus\"|name|is required|\"name\": null",
            "\"location\": \"US-TN\"|location|unknown region 'MARS'|\"location\": \"MARS\"",
            "\"power\": \"ONSITE_GAS\"|power|'NUCLEAR' is not one of GRID, ONSITE_GAS, SOLAR_STORAGE, SPACE_SOLAR|\"power\": \"NUCLEAR\"",
            "\"power\": \"ONSITE_GAS\"|power|SPACE_SOLAR needs an orbital location|\"power\": \"SPACE_SOLAR\"",
            "\"accelerator\": \"GB300\"|accelerator|unknown accelerator 'TPU9'|\"accelerator\": \"TPU9\"",
            "\"decisionDate\": \"2026-01-15\"|decisionDate|'15/01/2026' is not a date|\"decisionDate\": \"15/01/2026\"",
            "{\"online\": \"2026-12-31\", \"accelerators\": 110000}|phases[0].accelerators|must be a whole number from 1 to|{\"online\": \"2026-12-31\", \"accelerators\": -5}",
            "{\"online\": \"2026-12-31\", \"accelerators\": 110000}|phases[0].accelerators|must be a whole number from 1 to|{\"online\": \"2026-12-31\", \"accelerators\": 1.5}",
            "{\"online\": \"2026-12-31\", \"accelerators\": 110000}|phases[0].accelerators|must be a whole number from 1 to|{\"online\": \"2026-12-31\", \"accelerators\": 9223372036854775808}",
            "{\"online\": \"2026-12-31\", \"accelerators\": 110000}|phases[0].online|must lie between 2000-01-01 and 2100-12-31|{\"online\": \"+999999999-12-31\", \"accelerators\": 110000}",
            "{\"online\": \"2026-12-31\", \"accelerators\": 110000}|phases[0].online|must be after decisionDate|{\"online\": \"2025-12-31\", \"accelerators\": 110000}",
            "{\"online\": \"2027-06-30\", \"accelerators\": 330000}|phases[1].online|must be after the previous phase|{\"online\": \"2026-06-30\", \"accelerators\": 330000}",
            "{\"online\": \"2027-06-30\", \"accelerators\": 330000}|phases[1].accelerators|cannot fall below the previous phase|{\"online\": \"2027-06-30\", \"accelerators\": 1000}",
            "{\"online\": \"2026-12-31\", \"accelerators\": 110000}|phases[0].when|unknown field|{\"online\": \"2026-12-31\", \"accelerators\": 110000, \"when\": 1}",
            "\"turbineSlotReserved\": false|attributes.turbineSlotReserved|must be a string, number or boolean|\"turbineSlotReserved\": [1]",
            "\"name\": \"1 GW on-site gas campus\"|nmae|unknown field|\"nmae\": \"typo\", \"name\": \"x\""})
    void namesTheFieldThatIsWrong(String replace, String field, String message, String with) {
        assertThatThrownBy(() -> READER.read(VALID.replace(replace, with)))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo(field);
                            assertThat(p.message()).contains(message);
                        }));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> READER.read("{\"name\": \"\", \"phases\": []}"))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
                        .extracting(PlanProblem::field)
                        .containsExactlyInAnyOrder("name", "location", "power", "accelerator", "decisionDate", "phases"));
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> READER.read("{\"name\": \"x\",\n  oops}"))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems().get(0).message())
                        .startsWith("not valid JSON").contains("line 2"));
    }

    @Test
    void anOrbitalLocationNeedsSpaceSolar() {
        assertThatThrownBy(() -> READER.read(VALID.replace("\"US-TN\"", "\"LEO\"")))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.message()).contains("must be powered by SPACE_SOLAR")));
    }

    @Test
    void aJsonArrayIsNotAPlan() {
        assertThatThrownBy(() -> READER.read("[]")).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("The plan is not a JSON object");
    }
}
