package io.firstwall.system;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import io.firstwall.facts.Accelerator;
import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactStatus;
import io.firstwall.facts.Region;

/** The fact base in H2. Replacing it is one transaction: readers see the old or the new, never half. */
@Repository
public class FactStore {

    private final JdbcClient jdbc;

    public FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void replaceAll(FactBase base) {
        jdbc.sql("delete from fact").update();
        jdbc.sql("delete from region").update();
        jdbc.sql("delete from accelerator").update();
        for (Region r : base.regions().values()) {
            jdbc.sql("insert into region(id, name, orbital, climate, grid_operator, source, status)"
                    + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(r.id(), r.name(), r.orbital(), r.climate(), r.gridOperator(), r.source(), r.status()).update();
        }
        for (Accelerator a : base.accelerators().values()) {
            jdbc.sql("insert into accelerator(id, name, source, status) values (?, ?, ?, ?)")
                    .params(a.id(), a.name(), a.source(), a.status()).update();
        }
        for (Fact f : base.facts()) {
            jdbc.sql("insert into fact(id, fact_value, low, high, unit, as_of, source, status, note, distribution,"
                    + " projects) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(f.id(), f.value(), f.low(), f.high(), f.unit(), f.asOf(), f.source(), f.status().name(),
                            f.note(), f.distribution(), f.projects())
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public FactBase load() {
        List<Fact> facts = jdbc.sql("select * from fact order by id").query((rs, n) -> new Fact(rs.getString("id"),
                rs.getDouble("fact_value"), (Double) rs.getObject("low", Double.class),
                (Double) rs.getObject("high", Double.class), rs.getString("unit"),
                rs.getObject("as_of", LocalDate.class), rs.getString("source"),
                FactStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("distribution"),
                rs.getString("projects"))).list();
        List<Region> regions = jdbc.sql("select * from region order by id").query((rs, n) -> new Region(
                rs.getString("id"), rs.getString("name"), rs.getBoolean("orbital"), rs.getString("climate"),
                rs.getString("grid_operator"), rs.getString("source"), rs.getString("status"))).list();
        List<Accelerator> accelerators = jdbc.sql("select * from accelerator order by id").query((rs, n) ->
                new Accelerator(rs.getString("id"), rs.getString("name"), rs.getString("source"), rs.getString("status")))
                .list();
        return new FactBase(facts, regions, accelerators);
    }
}
