package io.firstwall.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** An immutable set of facts and catalogues. Scenarios derive overridden copies; the base never changes. */
public final class FactBase {

    private final Map<String, Fact> facts;
    private final Map<String, NavigableMap<LocalDate, Fact>> series;
    private final Map<String, Region> regions;
    private final Map<String, Accelerator> accelerators;
    private final String version;

    public FactBase(Collection<Fact> facts, Collection<Region> regions, Collection<Accelerator> accelerators) {
        this.facts = index(facts, Fact::id);
        this.series = Series.index(this.facts.values());
        this.regions = index(regions, Region::id);
        this.accelerators = index(accelerators, Accelerator::id);
        this.version = null;
    }

    private FactBase(Map<String, Fact> facts, Map<String, Region> regions, Map<String, Accelerator> accelerators,
            String version) {
        this(facts, Series.index(facts.values()), regions, accelerators, version);
    }

    private FactBase(Map<String, Fact> facts, Map<String, NavigableMap<LocalDate, Fact>> series,
            Map<String, Region> regions, Map<String, Accelerator> accelerators, String version) {
        this.facts = facts;
        this.series = series;
        this.regions = regions;
        this.accelerators = accelerators;
        this.version = version;
    }

    /** The version of the fact files this fact base was read from (as its revision names it), or null when unknown. */
    public String version() {
        return version;
    }

    /** The same facts, named by the version of the files they were read from. */
    public FactBase withVersion(String fileVersion) {
        return new FactBase(facts, regions, accelerators, fileVersion);
    }

    private static <T> Map<String, T> index(Collection<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return Collections.unmodifiableMap(map);
    }

    public Collection<Fact> facts() {
        return facts.values();
    }

    public Optional<Fact> fact(String id) {
        return Optional.ofNullable(facts.get(id));
    }

    /**
     * The fact a rule needs. A missing id is an error, never a silent "rule does not fire": the
     * analysis fails and names the fact.
     */
    public Fact get(String id) {
        Fact fact = facts.get(id);
        if (fact == null) {
            throw new MissingFactException(id);
        }
        return fact;
    }

    /**
     * The fact a rule needs at a date: the point of series {@code id} that holds on {@code date}
     * ({@link Series}), or the plain fact {@code id} when it has no points. A missing id is an error,
     * as for {@link #get}.
     */
    public Fact at(String id, LocalDate date) {
        NavigableMap<LocalDate, Fact> points = series.get(id);
        if (points == null) {
            return get(id);
        }
        Map.Entry<LocalDate, Fact> point = points.floorEntry(date);
        if (point != null) {
            return point.getValue();
        }
        Fact before = facts.get(id);
        return before != null ? before : points.firstEntry().getValue();
    }

    /** The points of a series in date order; empty for a plain fact or an unknown id. */
    public NavigableMap<LocalDate, Fact> points(String id) {
        return series.getOrDefault(id, Collections.emptyNavigableMap());
    }

    /** The ids of every series that has points. */
    public Set<String> seriesIds() {
        return series.keySet();
    }

    public Map<String, Region> regions() {
        return regions;
    }

    public Map<String, Accelerator> accelerators() {
        return accelerators;
    }

    /** A copy in which the given facts take sampled values (one Monte Carlo sample); ranges and sources stay. */
    public FactBase withSamples(Map<String, Double> samples) {
        if (samples.isEmpty()) {
            return this;
        }
        Map<String, Fact> copy = new LinkedHashMap<>(facts);
        samples.forEach((id, value) -> copy.put(id, get(id).sampledAt(value)));
        // The series index is the same but for the sampled points: reuse it, so a sample does not read every
        // point's date out of its id again.
        Map<String, NavigableMap<LocalDate, Fact>> index = new LinkedHashMap<>(series);
        samples.keySet().forEach(id -> {
            String of = Series.seriesOf(id);
            if (of != null) {
                NavigableMap<LocalDate, Fact> points = new java.util.TreeMap<>(index.get(of));
                points.put(Series.from(id), copy.get(id));
                index.put(of, Collections.unmodifiableNavigableMap(points));
            }
        });
        return new FactBase(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(index), regions, accelerators,
                version);
    }

    /**
     * A copy in which the given facts take new values; an id {@code series@*} multiplies every point
     * of a series by its value, and the plain name of a series sets it at every date. An unknown id is an
     * error, so that a typo in a scenario never passes silently.
     */
    public FactBase withOverrides(Map<String, Double> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        Map<String, Fact> copy = new LinkedHashMap<>(facts);
        overrides.forEach((id, value) -> {
            String of = Series.scaledWhole(id);
            if (of != null) {
                // A whole series scaled: every point (and the value before the first) times the factor.
                NavigableMap<LocalDate, Fact> points = series.get(of);
                if (points == null) {
                    throw new IllegalArgumentException("'" + of + "' is not a series with points; '" + id
                            + "' scales every point of one");
                }
                points.values().forEach(f -> copy.put(f.id(), f.overriddenWith(f.value() * value)));
                if (facts.containsKey(of)) {
                    copy.put(of, facts.get(of).overriddenWith(facts.get(of).value() * value));
                }
                return;
            }
            Fact fact = facts.get(id);
            if (fact == null) {
                throw new IllegalArgumentException("unknown fact '" + id + "'");
            }
            copy.put(id, fact.overriddenWith(value));
            // The name of a series (a plain fact with points after it) set to a value: it holds at every date.
            NavigableMap<LocalDate, Fact> points = series.get(id);
            if (points != null) {
                points.values().forEach(f -> copy.put(f.id(), f.overriddenWith(value)));
            }
        });
        return new FactBase(Collections.unmodifiableMap(copy), regions, accelerators, version);
    }
}
