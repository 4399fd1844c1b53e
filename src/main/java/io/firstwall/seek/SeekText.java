package io.firstwall.seek;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.firstwall.analysis.Format;
import io.firstwall.analysis.Schedule;

/** What a seek found, in sentences: for the CLI, the nightly report and the page's words. */
public final class SeekText {

    private SeekText() {
    }

    /** Dollars as a planner reads them: $950 k, $12.3 M, $1.45 B; "never" for an infinite cost. */
    public static String money(double dollars) {
        if (Double.isInfinite(dollars)) {
            return "unbounded (a phase never runs)";
        }
        double abs = Math.abs(dollars);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "$%.2f B", dollars / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "$%.1f M", dollars / 1e6);
        }
        if (abs >= 1e3) {
            return String.format(Locale.ROOT, "$%.0f k", dollars / 1e3);
        }
        return String.format(Locale.ROOT, "$%.0f", dollars);
    }

    /** The outcome of an option: "on time (full capacity Jun 2027)" or "still 14 months late: then CHIP_SUPPLY holds it until Mar 2028". */
    public static String outcome(Option o) {
        StringBuilder b = new StringBuilder();
        if (o.onTime()) {
            b.append("every phase on time");
            if (o.marginMonths() != null) {
                b.append(", ").append(months(o.marginMonths())).append(" to spare");
            }
        } else {
            Integer worst = o.worstDelayMonths();
            b.append(worst == null ? "a phase never runs within the facts" : "still " + months(worst) + " late");
            if (o.thenWall() != null) {
                b.append(": then ").append(o.thenWall()).append(" holds it")
                        .append(o.thenOn() == null ? " (never within the facts)" : " until " + Format.month(o.thenOn()));
            }
        }
        if (o.onTimeProbability() != null) {
            b.append(String.format(Locale.ROOT, "; P(on time) %.0f%%", 100 * o.onTimeProbability()));
        }
        return b.toString();
    }

    /** The cost line: the levers' cost with its range, and the delay's cost when some remains. */
    public static String cost(Option o) {
        double low = o.changes().stream().mapToDouble(Change::costLow).sum();
        double high = o.changes().stream().mapToDouble(Change::costHigh).sum();
        String levers = o.changes().isEmpty() ? "no change" : money(o.leverCost()) + " (" + money(low) + " to " + money(high) + ")";
        return o.delayCost() == 0 ? levers : levers + " + delay " + money(o.delayCost()) + " = " + money(o.totalCost());
    }

    /**
     * The cheapest fix in one sentence, as the nightly report gives it for a late plan: the best option's
     * changes, what they achieve and what they cost; or, when nothing meets the target, the closest.
     */
    public static String fix(SeekResult r) {
        if (r.options().isEmpty()) {
            return r.met() ? "on time: nothing to change" : "no lever moves this plan" + (r.skipped().isEmpty() ? ""
                    : " (" + r.skipped().get(0) + ")");
        }
        Option o = r.options().get(0);
        String reaches = "full capacity " + (o.fullCapacityOn() == null ? "never within the facts" : Format.month(o.fullCapacityOn()));
        return (r.met() ? "" : "nothing within " + r.request().maxChanges() + " changes puts every phase on time; closest: ")
                + o.words() + ": " + outcome(o) + "; " + reaches + "; cost " + cost(o);
    }

    /** The whole answer as lines of text. */
    public static String of(SeekResult r) {
        StringBuilder b = new StringBuilder();
        Option base = r.base();
        b.append("  as planned: ").append(schedule(base.schedule())).append('\n');
        if (r.met() && r.options().isEmpty()) {
            b.append("  nothing to change: ").append(outcome(base)).append('\n');
            return b.toString();
        }
        if (!r.met() && r.options().isEmpty()) {
            b.append("  No set of up to ").append(r.request().maxChanges())
                    .append(" changes moves this plan: the levers in rules/levers.csv do not reach what holds it\n");
            return b.toString();
        }
        String mode = r.request().confidence() > 0
                ? String.format(Locale.ROOT, "on time in at least %.0f%% of %d samples", 100 * r.request().confidence(),
                        r.request().samples())
                : "on time in the point answer";
        b.append(r.met() ? "  What would it take (" + mode + "):\n"
                : "  Nothing tried puts every phase " + mode + " with at most " + r.request().maxChanges()
                        + " changes; the closest:\n");
        int i = 1;
        for (Option o : r.options()) {
            b.append("  ").append(i++).append(". ").append(o.words()).append('\n')
                    .append("     ").append(outcome(o)).append("; full capacity ")
                    .append(o.fullCapacityOn() == null ? "never within the facts" : Format.month(o.fullCapacityOn())).append('\n')
                    .append("     cost ").append(cost(o)).append('\n');
        }
        if (!r.leversByWall().isEmpty()) {
            b.append("  levers that move each wall:\n");
            for (Map.Entry<String, List<String>> e : r.leversByWall().entrySet()) {
                b.append("    ").append(e.getKey()).append(": ")
                        .append(e.getValue().isEmpty() ? "none of the levers alone" : String.join("; ", e.getValue())).append('\n');
            }
        }
        b.append(String.format(Locale.ROOT, "  (%d analyses in %.1f s)%n", r.analyses(), r.millis() / 1000.0));
        return b.toString();
    }

    /** "full capacity Dec 2030, 49 months late; worst phase 1, 52 months late (TURBINE_SUPPLY)". */
    public static String schedule(List<Schedule> rows) {
        Schedule full = rows.get(rows.size() - 1);
        StringBuilder b = new StringBuilder("full capacity ");
        b.append(full.achievable() == null ? "never within the facts" : Format.month(full.achievable()));
        b.append(full.delayMonths() == null ? "" : full.delayMonths() == 0 ? ", on its date" : ", " + months(full.delayMonths()) + " late");
        Schedule worst = null;
        for (Schedule s : rows) {
            if (s.delayMonths() == null || (worst != null && worst.delayMonths() != null && s.delayMonths() > worst.delayMonths())
                    || (worst == null && s.delayMonths() > 0)) {
                worst = s;
                if (s.delayMonths() == null) {
                    break;
                }
            }
        }
        if (worst != null && worst != full) {
            b.append("; worst phase ").append(worst.phase()).append(", ")
                    .append(worst.delayMonths() == null ? "never" : months(worst.delayMonths()) + " late");
        }
        String holder = worst != null ? worst.limitingFactor() : full.limitingFactor();
        if (holder != null) {
            b.append(" (").append(holder).append(')');
        }
        return b.toString();
    }

    static String months(int n) {
        return n + (n == 1 ? " month" : " months");
    }
}
