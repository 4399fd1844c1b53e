package io.firstwall.system;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who changed what, when and why: every publish, revert, rejected outside edit and account change. */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The longest text the what and why columns hold. */
    public static final int MAX_TEXT = 2000;

    public void record(String who, String action, String what, String why) {
        jdbc.sql("insert into audit_log(at, who, action, what, why) values (?, ?, ?, ?, ?)")
                .params(clock.instant().atOffset(ZoneOffset.UTC), shorten(who, 100), action, shorten(what),
                        shorten(why)).update();
    }

    /** A description cut to what the log holds, saying how much was left out. */
    public static String shorten(String text) {
        return shorten(text, MAX_TEXT);
    }

    private static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String tail = " \u2026 (cut from " + text.length() + " characters)";
        return text.substring(0, max - tail.length()) + tail;
    }

    public List<Map<String, Object>> entries() {
        return jdbc.sql("select at, who, action, what, why from audit_log order by id desc").query().listOfRows();
    }
}
