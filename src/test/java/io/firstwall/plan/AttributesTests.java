package io.firstwall.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.AnalysisFixtures;

/**
 * The plan attributes declared in rules/attributes.csv: a typo is refused with its suggestion, a
 * wrong type or value with what is allowed, and every attribute a rule reads is declared.
 */
class AttributesTests {

    static final Attributes DECLARED = AnalysisFixtures.RULES.attributes();
    static final PlanReader READER = new PlanReader(AnalysisFixtures.FACTS, DECLARED);

    static String memphisWith(String attributes) throws IOException {
        String json = Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json"));
        return json.replaceFirst("\"attributes\"\\s*:\\s*\\{[^}]*\\}", "\"attributes\": {" + attributes + "}");
    }

    @Test
    void aTypoIsRefusedWithTheNameItMeant() throws IOException {
        assertThatThrownBy(() -> READER.read(memphisWith("\"turbineSlotReserverd\": true")))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("attributes.turbineSlotReserverd");
                            assertThat(p.message()).contains("did you mean turbineSlotReserved?");
                        }));
    }

    @Test
    void wrongTypesAndValuesAreRefusedWithWhatIsAllowed() throws IOException {
        assertThatThrownBy(() -> READER.read(memphisWith("\"turbineSlotReserved\": \"yes\", \"turbineType\": \"GIANT\","
                + " \"chipShare\": 3")))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
                        .extracting(PlanProblem::message).containsExactlyInAnyOrder("must be true or false (yes/no), not yes",
                                "must be one of HEAVY_DUTY, AERODERIVATIVE, GAS_ENGINE, MOBILE_TURBINE, FUEL_CELL, not GIANT",
                                "must be between 0 and 1 share, not 3"));
    }

    @Test
    void everyExamplePlanAndEveryAttributeARuleReadsIsDeclared() throws IOException {
        try (var files = Files.list(Path.of("data/plans"))) {
            for (Path f : files.toList()) {
                READER.read(Files.readString(f));
            }
        }
        for (String text : AnalysisFixtures.RULES.files().values()) {
            var m = Pattern.compile("(?:flag|number|text)\\((?:\"\")?\"?([a-z][A-Za-z]+)").matcher(text);
            while (m.find()) {
                assertThat(DECLARED.declared()).as("attribute " + m.group(1)).containsKey(m.group(1));
            }
        }
    }

    @Test
    void aBrokenDeclarationFileIsRefusedAtItsLine() {
        assertThatThrownBy(() -> Attributes.parse("name,label,type,unit,allowed,meaning\nx,X,colour,,,what\n"))
                .hasMessageContaining("line 2: type 'colour' is not yes/no, number or choice");
        assertThatThrownBy(() -> Attributes.parse("name,kind\n")).hasMessageContaining("the header must be");
        assertThat(Attributes.NONE.check(Map.of("anything", 1))).isEmpty();
        assertThat(DECLARED.suggestion("turbineslotreserved")).contains("turbineSlotReserved");
        assertThat(DECLARED.suggestion("completelyDifferent")).isEmpty();
        assertThat(List.copyOf(DECLARED.declared().keySet())).hasSizeGreaterThanOrEqualTo(12);
    }
}
