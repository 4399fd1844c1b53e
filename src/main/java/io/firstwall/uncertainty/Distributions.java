package io.firstwall.uncertainty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

import io.firstwall.facts.Fact;
import io.firstwall.facts.Spread;

/**
 * The inverse distribution function of each fact's range, from Apache Commons Math: Beta-PERT on
 * low, value (the mode) and high with the usual weight 4 (α = 1 + 4(m − a)/(b − a),
 * β = 1 + 4(b − m)/(b − a)), triangular, or uniform; an event is its low or its high, the high with its
 * probability. PERT's inverse has no closed form, so it is
 * tabulated once per range at 1,024 even steps of probability and interpolated between them.
 */
final class Distributions {

    /** A fact's range and shape, the key of a tabulated inverse. */
    private record Key(double low, double mode, double high, Spread.Shape shape) {
    }

    private static final int STEPS = 1024;
    private static final Map<Key, double[]> TABLES = new ConcurrentHashMap<>();

    private Distributions() {
    }

    /**
     * The inverse distribution function of {@code fact}: its value at cumulative probability u
     * (0 ≤ u < 1). Built once per fact and run; the spread is read and the distribution made here,
     * not per sample.
     */
    static DoubleUnaryOperator inverse(Fact fact) {
        Spread.Shape shape = fact.spread().shape();
        if (shape == Spread.Shape.FIXED) {
            double value = fact.value();
            return u -> value;
        }
        double a = fact.low();
        double b = fact.high();
        if (shape == Spread.Shape.EVENT) {
            double low = 1 - fact.spread().probability();
            return u -> u < low ? a : b;
        }
        double m = Math.min(Math.max(fact.value(), a), b);
        return switch (shape) {
            case UNIFORM -> new UniformRealDistribution(null, a, b)::inverseCumulativeProbability;
            case TRIANGULAR -> new TriangularDistribution(null, a, m, b)::inverseCumulativeProbability;
            default -> {
                double[] table = table(new Key(a, m, b, Spread.Shape.PERT));
                yield u -> interpolate(table, u);
            }
        };
    }

    private static double[] table(Key key) {
        if (TABLES.size() > 10_000) {
            TABLES.clear();
        }
        return TABLES.computeIfAbsent(key, k -> {
            double width = k.high() - k.low();
            BetaDistribution beta = new BetaDistribution(null, 1 + 4 * (k.mode() - k.low()) / width,
                    1 + 4 * (k.high() - k.mode()) / width);
            double[] t = new double[STEPS + 1];
            for (int i = 0; i <= STEPS; i++) {
                t[i] = k.low() + width * beta.inverseCumulativeProbability((double) i / STEPS);
            }
            return t;
        });
    }

    private static double interpolate(double[] table, double u) {
        double x = u * STEPS;
        int i = Math.min((int) x, STEPS - 1);
        return table[i] + (table[i + 1] - table[i]) * (x - i);
    }
}
