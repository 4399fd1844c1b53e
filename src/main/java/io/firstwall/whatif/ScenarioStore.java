package io.firstwall.whatif;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.firstwall.plan.Json;
import io.firstwall.plan.PlanJson;
import io.firstwall.plan.Plan;
import io.firstwall.system.NotFoundException;
import tools.jackson.core.type.TypeReference;

/** Saved scenarios in H2; deleting a plan deletes its scenarios. */
@Repository
public class ScenarioStore {

    private static final TypeReference<LinkedHashMap<String, Double>> OVERRIDES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;

    public ScenarioStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String COLUMNS = "select id, plan_id, name, plan_json, overrides_json, created_at from scenario";

    private Scenario row(ResultSet rs) throws SQLException {
        Map<String, Double> overrides = Json.MAPPER.readValue(rs.getString(5), OVERRIDES);
        return new Scenario(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), overrides,
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    public List<Scenario> list(long planId) {
        return jdbc.sql(COLUMNS + " where plan_id = ? order by id").param(planId).query((rs, n) -> row(rs)).list();
    }

    public Optional<Scenario> find(long planId, long id) {
        return jdbc.sql(COLUMNS + " where plan_id = ? and id = ?").params(planId, id).query((rs, n) -> row(rs))
                .optional();
    }

    public Scenario get(long planId, long id) {
        return find(planId, id).orElseThrow(() -> new NotFoundException("scenario", id));
    }

    @Transactional
    public long create(long planId, String name, Plan plan, Map<String, Double> overrides) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into scenario(plan_id, name, plan_json, overrides_json, created_at) values (?, ?, ?, ?, ?)")
                .params(planId, name, PlanJson.write(plan), Json.MAPPER.writeValueAsString(new LinkedHashMap<>(overrides)),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    @Transactional
    public void delete(long planId, long id) {
        if (jdbc.sql("delete from scenario where plan_id = ? and id = ?").params(planId, id).update() == 0) {
            throw new NotFoundException("scenario", id);
        }
    }
}
