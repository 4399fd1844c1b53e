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

    public void record(String who, String action, String what, String why) {
        jdbc.sql("insert into audit_log(at, who, action, what, why) values (?, ?, ?, ?, ?)")
                .params(clock.instant().atOffset(ZoneOffset.UTC), who, action, what, why).update();
    }

    public List<Map<String, Object>> entries() {
        return jdbc.sql("select at, who, action, what, why from audit_log order by id desc").query().listOfRows();
    }
}
