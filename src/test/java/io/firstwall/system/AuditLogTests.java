package io.firstwall.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An audit entry for a change set of hundreds of files fits its column and says it was cut. */
class AuditLogTests {

    @Test
    void aLongDescriptionIsCutToTheColumnAndSaysSo() {
        StringBuilder what = new StringBuilder("rules ");
        for (int i = 0; i < 200; i++) {
            what.append("tests/scenario-").append(i).append(".json, ");
        }
        String cut = AuditLog.shorten(what.toString());
        assertThat(what.length()).isGreaterThan(AuditLog.MAX_TEXT);
        assertThat(cut).hasSize(AuditLog.MAX_TEXT).startsWith("rules tests/scenario-0.json")
                .endsWith("(cut from " + what.length() + " characters)");
        assertThat(AuditLog.shorten("short")).isEqualTo("short");
    }
}
