package io.firstwall.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.kie.api.runtime.KieSession;

/**
 * Watches every running analysis from one daemon thread, by the CPU time of the thread that runs it
 * (not the clock: a busy machine does not make an analysis overrun). At its budget the session is
 * halted, which takes effect between firings; an analysis whose thread keeps using CPU well past
 * that (the work is inside one consequence, constraint or {@code from}) is <em>stuck</em>: whoever
 * waits for it can give up on it ({@link #isStuck}) and is told once, with the rule that was
 * running. The watchdog never runs rule code itself.
 */
public final class CpuWatch {

    /** How often the watchdog looks. */
    static final Duration PERIOD = Duration.ofMillis(20);

    /** What is known about one analysis that ran past its budget. */
    public record Overrun(String planName, String rule, String lastFired, long cpuMillis, long budgetMillis) {

        /** In words: the plan, the CPU used and where. */
        public String describe() {
            return "the analysis of '" + planName + "' used " + cpuMillis + " ms of CPU, past its budget of " + budgetMillis
                    + " ms, " + where();
        }

        /** Where the work was: in a rule's consequence, or matching conditions after some rule fired. */
        public String where() {
            return rule != null ? "in rule \"" + rule + "\""
                    : "while matching rule conditions" + (lastFired == null ? "" : ", after rule \"" + lastFired + "\" fired");
        }
    }

    /** Told when an analysis is stuck: halted at its budget, yet its thread still works. */
    @FunctionalInterface
    public interface StuckListener {
        void stuck(Overrun overrun);
    }

    /** One analysis being watched. */
    static final class Watched {
        final Thread thread;
        final KieSession session;
        final String planName;
        final long budgetNanos;
        final long cpuAtStart;
        final StuckListener listener;
        volatile String rule;
        volatile String lastFired;
        volatile boolean halted;
        volatile boolean stuck;

        Watched(Thread thread, KieSession session, String planName, long budgetNanos, StuckListener listener) {
            this.thread = thread;
            this.session = session;
            this.planName = planName;
            this.budgetNanos = budgetNanos;
            this.cpuAtStart = currentCpu();
            this.listener = listener;
        }

        long used() {
            return cpu(thread) - cpuAtStart;
        }

        Overrun overrun() {
            return new Overrun(planName, rule, lastFired, TimeUnit.NANOSECONDS.toMillis(used()),
                    TimeUnit.NANOSECONDS.toMillis(budgetNanos));
        }
    }

    private static final ThreadMXBean THREADS = threads();
    private static final Map<Thread, Watched> RUNNING = new ConcurrentHashMap<>();
    /** The analysis the current thread runs, for {@link #checkpoint}. */
    private static final ThreadLocal<Watched> CURRENT = new ThreadLocal<>();
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private CpuWatch() {
    }

    private static ThreadMXBean threads() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx.isThreadCpuTimeSupported() && !mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        return mx;
    }

    /** The CPU time a thread has used, in ns; the clock where the JVM cannot measure CPU time. */
    static long cpu(Thread thread) {
        if (THREADS.isThreadCpuTimeSupported()) {
            long t = THREADS.getThreadCpuTime(thread.getId());
            if (t >= 0) {
                return t;
            }
        }
        return System.nanoTime();
    }

    /** The CPU time the current thread has used, in ns (the fast path, for the start of every analysis). */
    static long currentCpu() {
        if (THREADS.isThreadCpuTimeSupported()) {
            long t = THREADS.getCurrentThreadCpuTime();
            if (t >= 0) {
                return t;
            }
        }
        return System.nanoTime();
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "firstwall-analysis-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(CpuWatch::look, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    /** How much CPU past its budget a halted analysis may still use before it counts as stuck. */
    static long grace(long budgetNanos) {
        return Math.max(TimeUnit.MILLISECONDS.toNanos(250), budgetNanos / 4);
    }

    private static void look() {
        for (Watched w : RUNNING.values()) {
            try {
                long used = w.used();
                if (!w.halted && used > w.budgetNanos) {
                    w.halted = true;
                    w.session.halt();
                } else if (w.halted && !w.stuck && used > w.budgetNanos + grace(w.budgetNanos)) {
                    w.stuck = true;
                    if (w.listener != null) {
                        w.listener.stuck(w.overrun());
                    }
                }
            } catch (RuntimeException e) {
                // a session disposed under the watchdog's hand: the analysis has ended
            }
        }
    }

    /** Starts watching the analysis the current thread is about to run. */
    static Watched start(KieSession session, String planName, Duration budget, StuckListener listener) {
        Watched w = new Watched(Thread.currentThread(), session, planName, budget.toNanos(), listener);
        RUNNING.put(w.thread, w);
        CURRENT.set(w);
        return w;
    }

    static void stop(Watched w) {
        RUNNING.remove(w.thread, w);
        CURRENT.remove();
    }

    /** Thrown inside rule code ({@link Calc}'s steps) once the analysis it runs for has been halted. */
    static final class Halted extends RuntimeException {

        Halted() {
            super("the analysis was halted at its CPU budget", null, false, false);
        }
    }

    /**
     * Ends the work of the current thread's analysis once the watchdog has halted it: {@link Calc}
     * calls it in its loops, so that a halted analysis stops inside a consequence too, not only
     * between firings.
     */
    static void checkpoint() {
        Watched w = CURRENT.get();
        if (w != null && w.halted) {
            throw new Halted();
        }
    }

    /** Whether the analysis on {@code thread} is stuck: halted at its budget, and still working. */
    public static boolean isStuck(Thread thread) {
        Watched w = RUNNING.get(thread);
        return w != null && w.stuck;
    }

    /** What the analysis on {@code thread} did past its budget, if it ran past it. */
    public static Optional<Overrun> overrun(Thread thread) {
        Watched w = RUNNING.get(thread);
        return w == null || !w.halted ? Optional.empty() : Optional.of(w.overrun());
    }

    /** How many analyses are stuck now, in this JVM. */
    public static long stuckCount() {
        return RUNNING.values().stream().filter(w -> w.stuck).count();
    }
}
