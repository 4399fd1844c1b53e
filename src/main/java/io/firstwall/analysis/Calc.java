package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Plan;

/**
 * Date and ramp arithmetic for rule consequences. No domain figures live here: rules pass them in.
 * Every list it returns is bounded (400 quarters, 1,200 months), and its loops stop once the
 * analysis they run for is halted ({@link CpuWatch#checkpoint}).
 */
public final class Calc {

    private Calc() {
    }

    /** A figure rounded to three decimals, for results people read. */
    public static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
    }

    /** The ids of the facts a result used. */
    public static List<String> ids(Fact... facts) {
        return Arrays.stream(facts).map(Fact::id).toList();
    }

    /** A date plus a possibly fractional number of months (a fraction counts as 30.4 days). */
    public static LocalDate plusMonths(LocalDate date, double months) {
        long whole = (long) Math.floor(months);
        long days = Math.round((months - whole) * 30.44);
        return date.plusMonths(whole).plusDays(days);
    }

    /** 1 January of a year given as a fact value such as 2029. */
    public static LocalDate startOfYear(double year) {
        return LocalDate.of((int) Math.round(year), 1, 1);
    }

    /** A date stored in a fact as a number such as 20261127. */
    public static LocalDate yyyymmdd(double value) {
        long v = Math.round(value);
        return LocalDate.of((int) (v / 10000), (int) (v / 100 % 100), (int) (v % 100));
    }

    public static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * A permit: from the decision date, {@code months} later the lane allows any load. The rule id
     * is the first word of {@code rule} (a rule's full name works too).
     */
    public static Supply permit(String rule, String lane, Plan plan, Fact months, String what) {
        LocalDate ready = plusMonths(plan.decisionDate(), months.value());
        String id = rule.contains(" ") ? rule.substring(0, rule.indexOf(' ')) : rule;
        return new Supply("PERMITS", lane, ready, Double.POSITIVE_INFINITY, id, what + " takes "
                + Format.num(months.value()) + " months from " + Format.month(plan.decisionDate()) + ", so it is in hand in "
                + Format.month(ready), ids(months));
    }

    /**
     * Deliveries out of a yearly output: {@code perQuarter} on {@code first} and each quarter after
     * it until {@code until}, as cumulative steps, with {@code already} (say, a reserved slot's MW)
     * counted in every step from {@code alreadyFrom} on.
     */
    public static List<Supply> deliveries(String factor, String lane, LocalDate first, double perQuarter,
            double already, LocalDate alreadyFrom, LocalDate until, String ruleId, String sentence,
            List<String> factIds) {
        List<Supply> steps = new ArrayList<>();
        double total = 0;
        for (LocalDate at = first; !at.isAfter(until) && steps.size() < 400; at = at.plusMonths(3)) {
            if (steps.size() % 64 == 0) {
                CpuWatch.checkpoint();
            }
            total += perQuarter;
            steps.add(new Supply(factor, lane, at, total + (at.isBefore(alreadyFrom) ? 0 : already), ruleId, sentence,
                    factIds));
        }
        if (steps.isEmpty()) {
            // Nothing comes within the horizon: say so with a step, or the factor would look unlimited.
            steps.add(new Supply(factor, lane, until, until.isBefore(alreadyFrom) ? 0 : already, ruleId, sentence, factIds));
        }
        return steps;
    }

    /**
     * Deliveries month by month out of an output that changes over time. Month {@code m} runs from
     * {@code start.plusMonths(m)}; it adds the sum of the series {@code summed} (read with
     * {@link FactBase#at} on the month's first day), times the series {@code times} on that day if it
     * is not null, times {@code scale}; plus {@code extra} spread evenly over the first
     * {@code extraMonths} months. See {@link #steps} for the steps.
     */
    public static List<Supply> monthly(String factor, String lane, LocalDate start, LocalDate until, FactBase facts,
            List<String> summed, String times, double scale, double extra, int extraMonths, double enough,
            String ruleId, String sentence, List<String> factIds) {
        return steps(factor, lane, start, until, enough, ruleId, sentence, factIds,
                (at, month) -> rate(facts, summed, times, at) * scale + (month < extraMonths ? extra / extraMonths : 0));
    }

    /** The sum of the series {@code summed} on {@code at}, times the series {@code times} then (when not null). */
    private static double rate(FactBase facts, List<String> summed, String times, LocalDate at) {
        double rate = 0;
        for (String id : summed) {
            rate += facts.at(id, at).value();
        }
        return times == null ? rate : rate * facts.at(times, at).value();
    }

    /**
     * As {@link #monthly(String, String, LocalDate, LocalDate, FactBase, List, String, double, double, int, double,
     * String, String, List)}, for a product that ramps up after its first shipment on {@code rampFrom}: the month
     * that starts {@code k} whole months after it gets {@code (k + 1) / rampMonths} of its share, up to all of it.
     */
    public static List<Supply> monthly(String factor, String lane, LocalDate start, LocalDate until, FactBase facts,
            List<String> summed, String times, double scale, LocalDate rampFrom, double rampMonths, double enough,
            String ruleId, String sentence, List<String> factIds) {
        return steps(factor, lane, start, until, enough, ruleId, sentence, factIds, (at, month) -> {
            double rate = rate(facts, summed, times, at);
            long since = rampFrom.isAfter(at) ? -1 : rampFrom.until(at, java.time.temporal.ChronoUnit.MONTHS);
            double ramp = rampMonths <= 1 ? 1 : Math.min(1, Math.max(0, since + 1) / rampMonths);
            return rate * scale * ramp;
        });
    }

    /**
     * Deliveries month by month at a steady rate, {@code perMonth}, plus {@code inWindow} in the
     * months that start on or after {@code windowFrom} and before {@code windowTo} (say, Chinese
     * material between its export licence and the end of a ban's suspension). See {@link #steps}.
     */
    public static List<Supply> monthly(String factor, String lane, LocalDate start, LocalDate until, double perMonth,
            LocalDate windowFrom, LocalDate windowTo, double inWindow, double enough, String ruleId, String sentence,
            List<String> factIds) {
        return steps(factor, lane, start, until, enough, ruleId, sentence, factIds,
                (at, month) -> perMonth + (!at.isBefore(windowFrom) && at.isBefore(windowTo) ? inWindow : 0));
    }

    /** What one month adds, given the day it starts and its number from 0. */
    @FunctionalInterface
    interface MonthlyAmount {
        double of(LocalDate monthStart, int month);
    }

    /**
     * One cumulative step at the end of each month that adds something, until {@code until}, or until
     * one step after the total reaches {@code enough} (a wall needs no later step; the one more step
     * absorbs rounding of the needs). Nothing within the horizon: one step of zero, so that the factor
     * shows as a wall, not as unlimited. Months count from {@code start}, so a start on the 31st does
     * not drift to the 28th.
     */
    static List<Supply> steps(String factor, String lane, LocalDate start, LocalDate until, double enough, String ruleId,
            String sentence, List<String> factIds, MonthlyAmount amount) {
        List<Supply> steps = new ArrayList<>();
        double total = 0;
        for (int month = 0; month < 1200 && start.plusMonths(month).isBefore(until); month++) {
            if (month % 64 == 0) {
                CpuWatch.checkpoint();
            }
            double added = amount.of(start.plusMonths(month), month);
            if (added <= 0) {
                continue;
            }
            boolean enoughBefore = total >= enough;
            total += added;
            steps.add(new Supply(factor, lane, start.plusMonths(month + 1), total, ruleId, sentence, factIds));
            if (enoughBefore) {
                break;
            }
        }
        if (steps.isEmpty()) {
            steps.add(new Supply(factor, lane, until, 0, ruleId, sentence, factIds));
        }
        return steps;
    }

    /**
     * A steady build from {@code start} at {@code perMonth}, up to {@code full}, as the few steps that
     * decide each phase: for each phase of {@code plan} (its need taken in proportion to its accelerators,
     * {@code full} being the last phase's), the amount built by its target date and the month its need is
     * met, until {@code until}. Steps are monthly, as {@link #monthly}, but only where a phase is judged, so
     * the answer is the same with a handful of facts instead of one a month.
     */
    public static List<Supply> ramp(String factor, String lane, LocalDate start, LocalDate until, double perMonth, Plan plan,
            double full, String ruleId, String sentence, List<String> factIds) {
        List<Supply> steps = new ArrayList<>();
        double perAccelerator = full / plan.phases().get(plan.phases().size() - 1).accelerators();
        java.util.TreeMap<LocalDate, Double> at = new java.util.TreeMap<>();
        for (var phase : plan.phases()) {
            double need = phase.accelerators() * perAccelerator;
            long months = Math.max(1, (long) Math.ceil(need / perMonth - 1e-9));
            at.merge(start.plusMonths(months), Math.min(full, months * perMonth), Math::max);
            long byTarget = start.until(phase.online(), java.time.temporal.ChronoUnit.MONTHS);
            if (byTarget >= 1 && byTarget < months) {
                at.merge(start.plusMonths(byTarget), byTarget * perMonth, Math::max);
            }
        }
        at.headMap(until, true).forEach((date, amount) -> steps.add(new Supply(factor, lane, date, amount, ruleId, sentence,
                factIds)));
        if (steps.isEmpty()) {
            // Nothing is built within the horizon: say so with a step, or the factor would look unlimited.
            steps.add(new Supply(factor, lane, until, 0, ruleId, sentence, factIds));
        }
        return steps;
    }

    /** The most a plan's phases need, at {@code perAccelerator} of something per accelerator. */
    public static double most(Plan plan, double perAccelerator) {
        return plan.phases().stream().mapToDouble(p -> p.accelerators() * perAccelerator).max().orElse(0);
    }

    /**
     * The ids of the facts a supply read from each series between two dates: the point in force on
     * {@code from} (the plain fact before the first point) and every point that starts before
     * {@code until}, so that an answer names each figure it used.
     */
    public static List<String> pointIds(FactBase facts, LocalDate from, LocalDate until, String... series) {
        List<String> ids = new ArrayList<>();
        for (String id : series) {
            ids.add(facts.at(id, from).id());
            facts.points(id).subMap(from, false, until, false).values().forEach(f -> ids.add(f.id()));
        }
        return ids(ids);
    }

    /** Lists of fact ids as one, each id once, in order. */
    @SafeVarargs
    public static List<String> ids(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            list.stream().filter(id -> !all.contains(id)).forEach(all::add);
        }
        return all;
    }

    /**
     * How a series goes on after {@code date}, in words for a sentence: "rising to 112,000 by Jan 2028"
     * (or falling, or holding), or "the last figure in the series, held after it" when no point comes
     * later.
     */
    public static String trend(FactBase facts, String series, LocalDate date) {
        Fact now = facts.at(series, date);
        Map.Entry<LocalDate, Fact> last = facts.points(series).lastEntry();
        if (last == null || !last.getKey().isAfter(date)) {
            return "the last figure in the series, held after it";
        }
        double to = last.getValue().value();
        if (to == now.value()) {
            return "holding at it to " + Format.month(last.getKey());
        }
        return (to > now.value() ? "rising" : "falling") + " to " + Format.num(to) + " by " + Format.month(last.getKey());
    }

    /**
     * The first day on or after {@code from} on which the series is above zero ({@code above} true:
     * say, exports allowed) or at or below zero (false: banned), or null when that never happens in
     * the fact base.
     */
    public static LocalDate firstOn(FactBase facts, String series, LocalDate from, boolean above) {
        if (facts.at(series, from).value() > 0 == above) {
            return from;
        }
        for (Map.Entry<LocalDate, Fact> point : facts.points(series).tailMap(from, false).entrySet()) {
            if (point.getValue().value() > 0 == above) {
                return point.getKey();
            }
        }
        return null;
    }
}
