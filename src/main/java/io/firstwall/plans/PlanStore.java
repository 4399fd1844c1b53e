package io.firstwall.plans;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.firstwall.plan.PlanJson;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.system.NotFoundException;

/** Saved plans in H2, each kept as its v1 JSON. */
@Repository
public class PlanStore {

    private static final Logger log = LoggerFactory.getLogger(PlanStore.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    public PlanStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<SavedPlan> list() {
        return jdbc.sql("select id, name, plan_json, updated_at from saved_plan order by name, id")
                .query((rs, n) -> new SavedPlan(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).list();
    }

    public Optional<SavedPlan> find(long id) {
        return jdbc.sql("select id, name, plan_json, updated_at from saved_plan where id = ?").param(id)
                .query((rs, n) -> new SavedPlan(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).optional();
    }

    public SavedPlan get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("plan", id));
    }

    @Transactional
    public long create(Plan plan) {
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into saved_plan(name, plan_json, created_at, updated_at) values (?, ?, ?, ?)")
                .params(plan.name(), PlanJson.write(plan), now.atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    @Transactional
    public void update(long id, Plan plan) {
        int rows = jdbc.sql("update saved_plan set name = ?, plan_json = ?, updated_at = ? where id = ?")
                .params(plan.name(), PlanJson.write(plan), clock.instant().atOffset(ZoneOffset.UTC), id)
                .update();
        if (rows == 0) {
            throw new NotFoundException("plan", id);
        }
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from saved_plan where id = ?").param(id).update() == 0) {
            throw new NotFoundException("plan", id);
        }
    }

    public long count() {
        return jdbc.sql("select count(*) from saved_plan").query(Long.class).single();
    }

    /** On a fresh database, the example plans of {@code data/plans} become the first saved plans. */
    @Transactional
    public int seedIfEmpty(Path plansDir, PlanReader reader) {
        if (count() > 0 || !Files.isDirectory(plansDir)) {
            return 0;
        }
        int seeded = 0;
        try (Stream<Path> files = Files.list(plansDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    create(reader.read(Files.readString(file)));
                    seeded++;
                } catch (InvalidPlanException e) {
                    log.warn("Example plan {} not seeded: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeded;
    }
}
