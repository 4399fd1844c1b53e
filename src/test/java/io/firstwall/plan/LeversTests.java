package io.firstwall.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** rules/levers.csv: the real file reads; a bad row is refused with its line and why. */
class LeversTests {

    static final String HEADER = "id,label,field,steps,with,basis,cost,low,high,source,status,meaning\n";
    static final String DELAY = "delay,A month of delay,,,,PER_ACCELERATOR_MONTH,900,500,1500,src,derived,m\n";

    static Attributes attributes() throws Exception {
        return Attributes.parse(Files.readString(Path.of("rules/attributes.csv")));
    }

    static Levers parse(String rows) throws Exception {
        return Levers.parse(HEADER + DELAY + rows, attributes());
    }

    @Test
    void theRealFileReadsAndEveryLeverHasASourceAndARange() throws Exception {
        Levers levers = Levers.parse(Files.readString(Path.of("rules/levers.csv")), attributes());
        assertThat(levers.delay().basis()).isEqualTo(Levers.Basis.PER_ACCELERATOR_MONTH);
        assertThat(levers.levers()).hasSizeGreaterThan(10).allSatisfy(l -> {
            assertThat(l.source()).isNotBlank();
            assertThat(l.low()).isLessThanOrEqualTo(l.cost());
            assertThat(l.high()).isGreaterThanOrEqualTo(l.cost());
        });
        assertThat(levers.lever("bridge.mobile_turbines").steps()).containsExactly("MOBILE_TURBINE");
    }

    @Nested
    class Costs {

        @Test
        void perKwScalesWithTheLoadAndPerAcceleratorMonthWithTheStep() throws Exception {
            Levers levers = parse("a.b,Later,targets,+6|+12,,PER_ACCELERATOR_MONTH,100,50,200,src,assumption,m\n"
                    + "c.d,Bridge,bridgeGeneration,MOBILE_TURBINE,,PER_KW,10,5,20,src,assumption,m\n"
                    + "e.f,Smaller,accelerators,-25%,,PER_ACCELERATOR_REMOVED,1000,500,2000,src,assumption,m\n");
            assertThat(levers.lever("a.b").cost("+12", 1_000_000, 1000)).isEqualTo(100.0 * 1000 * 12);
            assertThat(levers.lever("c.d").cost("MOBILE_TURBINE", 250_000, 1000)).isEqualTo(2_500_000.0);
            assertThat(levers.lever("c.d").range("MOBILE_TURBINE", 250_000, 1000)).containsExactly(1_250_000.0, 5_000_000.0);
            assertThat(levers.lever("e.f").cost("-25%", 0, 1000)).isEqualTo(250 * 1000.0);
        }
    }

    @Nested
    class Refused {

        @Test
        void aFieldThatIsNoAttributeAndNoPlanField() {
            assertThatThrownBy(() -> parse("a.b,X,turbineColour,RED,,FIXED,1,1,1,src,assumption,m\n"))
                    .hasMessageContaining("line 3: 'a.b': field 'turbineColour' is neither a declared attribute");
        }

        @Test
        void aStepTheAttributeDoesNotAllow() {
            assertThatThrownBy(() -> parse("a.b,X,bridgeGeneration,STEAM,,FIXED,1,1,1,src,assumption,m\n"))
                    .hasMessageContaining("line 3").hasMessageContaining("must be one of MOBILE_TURBINE");
            assertThatThrownBy(() -> parse("a.b,X,equipmentOrderedMonthsBefore,99,,FIXED,1,1,1,src,assumption,m\n"))
                    .hasMessageContaining("must be between 0 and 60");
            assertThatThrownBy(() -> parse("a.b,X,targets,6,,FIXED,1,1,1,src,assumption,m\n"))
                    .hasMessageContaining("a target step is months later, such as +6");
        }

        @Test
        void aCostOutsideItsRangeOrNotANumber() {
            assertThatThrownBy(() -> parse("a.b,X,flexibleLoad,yes,,FIXED,5,6,9,src,assumption,m\n"))
                    .hasMessageContaining("low 6 ≤ cost 5 ≤ high 9 does not hold");
            assertThatThrownBy(() -> parse("a.b,X,flexibleLoad,yes,,FIXED,lots,1,9,src,assumption,m\n"))
                    .hasMessageContaining("cost 'lots' is not a number of dollars");
        }

        @Test
        void aLeverWithoutSourceOrWithAnUnknownStatusOrBasis() {
            assertThatThrownBy(() -> parse("a.b,X,flexibleLoad,yes,,FIXED,1,1,1,,assumption,m\n"))
                    .hasMessageContaining("needs a source");
            assertThatThrownBy(() -> parse("a.b,X,flexibleLoad,yes,,FIXED,1,1,1,src,rumour,m\n"))
                    .hasMessageContaining("status 'rumour'");
            assertThatThrownBy(() -> parse("a.b,X,flexibleLoad,yes,,PER_TURBINE,1,1,1,src,assumption,m\n"))
                    .hasMessageContaining("basis 'PER_TURBINE' is not one of");
        }

        @Test
        void aWrongHeaderAMissingDelayRowOrATwiceDeclaredId() throws Exception {
            assertThatThrownBy(() -> Levers.parse("id,label\n", attributes())).hasMessageContaining("line 1: the header must be");
            assertThatThrownBy(() -> Levers.parse(HEADER + "a.b,X,flexibleLoad,yes,,FIXED,1,1,1,src,assumption,m\n", attributes()))
                    .hasMessageContaining("a row 'delay' must price a month of delay");
            assertThatThrownBy(() -> parse("a.b,X,flexibleLoad,yes,,FIXED,1,1,1,src,assumption,m\n"
                    + "a.b,Y,flexibleLoad,yes,,FIXED,1,1,1,src,assumption,m\n")).hasMessageContaining("line 4: lever 'a.b' is declared twice");
        }

        @Test
        void aCompanionThatIsNoNameValuePair() {
            assertThatThrownBy(() -> parse("a.b,X,turbineSlotYear,2028,turbineSlotReserved,FIXED,1,1,1,src,assumption,m\n"))
                    .hasMessageContaining("with 'turbineSlotReserved' is not name=value");
        }
    }

    @Test
    void aByteOrderMarkIsRead() throws Exception {
        assertThat(Levers.parse("\uFEFF" + HEADER + DELAY, attributes()).delay()).isNotNull();
    }
}
