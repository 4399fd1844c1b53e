package io.firstwall.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one factor's needs and supplies into a wall, or none. This is the definition of a wall
 * from the domain brief, not domain judgment: the judgment is in the rules that make the needs and
 * supplies.
 */
public final class WallCalculator {

    private WallCalculator() {
    }

    /**
     * Earliest binding first; a tie goes to the larger delay of any phase, then to the larger slip (an
     * open-ended delay or slip is the largest).
     */
    public static final Comparator<Wall> FIRST_WALL_ORDER = Comparator.comparing(Wall::bindsOn)
            .thenComparing(w -> w.maxDelayMonths() == null ? Integer.MAX_VALUE : w.maxDelayMonths(),
                    Comparator.reverseOrder())
            .thenComparing(w -> w.slipMonths() == null ? Integer.MAX_VALUE : w.slipMonths(),
                    Comparator.reverseOrder())
            .thenComparing(Wall::factor);

    public static Optional<Wall> wall(String factor, List<Need> needs, List<Supply> supplies) {
        if (needs.isEmpty() || supplies.isEmpty()) {
            return Optional.empty();
        }
        List<Need> ordered = needs.stream().sorted(Comparator.comparing(Need::online)).toList();
        Map<String, List<Supply>> lanes = new LinkedHashMap<>();
        for (Supply s : supplies) {
            lanes.computeIfAbsent(s.lane(), k -> new ArrayList<>()).add(s);
        }
        Need binding = null;
        for (Need need : ordered) {
            if (exceeds(need.amount(), allowed(lanes, need.online()))) {
                binding = need;
                break;
            }
        }
        if (binding == null) {
            return Optional.empty();
        }
        Need last = ordered.get(ordered.size() - 1);
        double full = ordered.stream().mapToDouble(Need::amount).max().orElse(0);
        LocalDate target = last.online();
        LocalDate fullOn = LocalDate.MIN;
        for (List<Supply> lane : lanes.values()) {
            LocalDate laneDate = earliestReaching(lane, full);
            if (laneDate == null) {
                fullOn = null;
                break;
            }
            fullOn = laneDate.isAfter(fullOn) ? laneDate : fullOn;
        }
        Integer slip = fullOn == null ? null : monthsLate(target, fullOn);
        double shortfall = Math.max(0, full - allowed(lanes, target));
        List<Supply> limiting = limitingLane(lanes, binding.online(), full);
        String unit = binding.unit();
        double allowedThen = allowed(lanes, binding.online());
        StringBuilder sentence = new StringBuilder(lastSentence(limiting, binding.online()));
        sentence.append("; phase ").append(binding.phase()).append(" needs ")
                .append(Format.amount(binding.amount(), unit)).append(" by ").append(Format.month(binding.online()))
                .append(" but only ").append(Format.amount(allowedThen, unit)).append(" is available then");
        if (fullOn == null) {
            sentence.append(", and no date in the fact base allows the full ").append(Format.amount(full, unit));
        } else if (slip > 0) {
            sentence.append("; the full ").append(Format.amount(full, unit)).append(" comes in ")
                    .append(Format.month(fullOn)).append(", ").append(slip).append(slip == 1 ? " month" : " months")
                    .append(" after the target");
        }
        sentence.append('.');
        Set<String> ruleIds = new LinkedHashSet<>();
        Set<String> factIds = new LinkedHashSet<>();
        for (Need n : ordered) {
            ruleIds.add(n.ruleId());
            factIds.addAll(n.factIds());
        }
        for (Supply s : supplies) {
            ruleIds.add(s.ruleId());
            factIds.addAll(s.factIds());
        }
        List<Wall.PhaseReady> phases = new ArrayList<>();
        for (Need need : ordered) {
            LocalDate ready = need.online();
            for (List<Supply> lane : lanes.values()) {
                LocalDate laneDate = earliestReaching(lane, need.amount());
                if (laneDate == null) {
                    ready = null;
                    break;
                }
                ready = laneDate.isAfter(ready) ? laneDate : ready;
            }
            phases.add(new Wall.PhaseReady(need.phase(), need.online(), ready));
        }
        return Optional.of(new Wall(factor, binding.online(), slip, fullOn, full, shortfall, unit,
                capitalise(sentence.toString()), List.copyOf(ruleIds), List.copyOf(factIds), phases));
    }

    /** The factor's need and allowance as step curves from {@code start} to {@code end}. */
    public static FactorCurve curve(String factor, List<Need> needs, List<Supply> supplies, LocalDate start,
            LocalDate end) {
        List<Need> ordered = needs.stream().sorted(Comparator.comparing(Need::online)).toList();
        Map<String, List<Supply>> lanes = new LinkedHashMap<>();
        for (Supply s : supplies) {
            lanes.computeIfAbsent(s.lane(), k -> new ArrayList<>()).add(s);
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(start);
        for (Supply s : supplies) {
            if (s.from().isAfter(start) && !s.from().isAfter(end)) {
                dates.add(s.from());
            }
        }
        List<FactorCurve.Point> allowed = new ArrayList<>();
        double previous = Double.NaN;
        for (LocalDate d : dates) {
            double value = lanes.isEmpty() ? Double.POSITIVE_INFINITY : allowed(lanes, d);
            if (value != previous) {
                allowed.add(new FactorCurve.Point(d, value));
                previous = value;
            }
        }
        List<FactorCurve.Point> need = ordered.stream().map(n -> new FactorCurve.Point(n.online(), n.amount())).toList();
        double full = ordered.stream().mapToDouble(Need::amount).max().orElse(0);
        return new FactorCurve(factor, ordered.isEmpty() ? "" : ordered.get(0).unit(), full, need, allowed);
    }

    private static boolean exceeds(double need, double allowed) {
        return need > allowed + 1e-9 * Math.max(1, Math.abs(need));
    }

    /** The least, over lanes, of the largest amount whose date has come. */
    static double allowed(Map<String, List<Supply>> lanes, LocalDate date) {
        double min = Double.POSITIVE_INFINITY;
        for (List<Supply> lane : lanes.values()) {
            min = Math.min(min, laneValue(lane, date));
        }
        return min;
    }

    private static double laneValue(List<Supply> lane, LocalDate date) {
        double best = 0;
        for (Supply s : lane) {
            if (!s.from().isAfter(date)) {
                best = Math.max(best, s.amount());
            }
        }
        return best;
    }

    private static LocalDate earliestReaching(List<Supply> lane, double amount) {
        LocalDate best = null;
        for (Supply s : lane) {
            if (!exceeds(amount, s.amount()) && (best == null || s.from().isBefore(best))) {
                best = s.from();
            }
        }
        return best;
    }

    /** The lane that allows least at the binding date; among equals, the one that reaches full capacity last. */
    private static List<Supply> limitingLane(Map<String, List<Supply>> lanes, LocalDate date, double full) {
        List<Supply> limiting = null;
        double least = Double.POSITIVE_INFINITY;
        LocalDate latest = null;
        for (List<Supply> lane : lanes.values()) {
            double value = laneValue(lane, date);
            LocalDate reach = earliestReaching(lane, full);
            LocalDate reachKey = reach == null ? LocalDate.MAX : reach;
            if (limiting == null || value < least - 1e-9
                    || (Math.abs(value - least) <= 1e-9 && reachKey.isAfter(latest))) {
                limiting = lane;
                least = value;
                latest = reachKey;
            }
        }
        return limiting;
    }

    /** The sentence of the lane's supply that speaks for the binding date: the first one after it, else the last. */
    private static String lastSentence(List<Supply> lane, LocalDate date) {
        return lane.stream()
                .filter(s -> s.from().isAfter(date))
                .min(Comparator.comparing(Supply::from))
                .or(() -> lane.stream().max(Comparator.comparing(Supply::from)))
                .map(Supply::sentence)
                .orElse("");
    }

    /** Whole months from {@code target} to {@code actual}, a started month counting; 0 when on time. */
    public static int monthsLate(LocalDate target, LocalDate actual) {
        if (!actual.isAfter(target)) {
            return 0;
        }
        long months = ChronoUnit.MONTHS.between(target, actual);
        return (int) (target.plusMonths(months).isBefore(actual) ? months + 1 : months);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Crush the first wall, look again, repeat: the order in which walls appear. */
    public static List<String> cascade(List<Wall> walls) {
        List<Wall> remaining = new ArrayList<>(walls);
        List<String> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Wall first = remaining.stream().min(FIRST_WALL_ORDER).orElseThrow();
            order.add(first.factor());
            remaining.remove(first);
        }
        return order;
    }
}
