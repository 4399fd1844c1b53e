package io.firstwall.editing;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs unpublished rules (validate, rule tests, impact, "why" on a draft) in separate worker JVMs
 * ({@link DraftWorker}) that the app can kill: each has a memory cap, and each request a CPU-time
 * budget, the worker's own, counted from the request (the JVM's start is not). A worker over its
 * budget, out of its memory or gone is killed at once, with its threads, and a fresh one takes its
 * place; the expert is told in words. A small pool of workers, started when first needed and
 * shared by the whole JVM, serves requests in turn; an idle worker ends after a while.
 */
@Component
public class DraftSandbox {

    private static final Logger log = LoggerFactory.getLogger(DraftSandbox.class);

    /** How many workers may run at once. */
    static final int WORKERS = 2;
    /** The memory a worker may use (its heap); a draft that needs more is stopped with that said. */
    static final String HEAP = "384m";
    /** How long an idle worker stays. */
    static final Duration IDLE = Duration.ofMinutes(5);
    /** How often the CPU time of a working worker is read. */
    private static final long LOOK_MILLIS = 50;

    private static final Pool POOL = new Pool();

    /** What a request came to: the reply, or why there is none (overrun, out of memory, gone). */
    record Outcome(DraftCheck.Reply reply, String stopped) {
    }

    /**
     * Sends a request to a worker and waits for its reply, within {@code budget} of the worker's CPU
     * time (and four times as long by the clock, for a worker the machine starves).
     */
    Outcome run(DraftCheck.Request request, Duration budget) {
        Worker worker;
        try {
            worker = POOL.take();
        } catch (IOException e) {
            return new Outcome(null, "the process that checks unpublished rules could not start: " + e.getMessage());
        }
        boolean healthy = false;
        try {
            long cpuAtStart = worker.cpuNanos();
            long wallAtStart = System.nanoTime();
            worker.send(DraftWorker.line(request));
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(worker::readLine, READERS);
            while (true) {
                try {
                    String line = answer.get(LOOK_MILLIS, TimeUnit.MILLISECONDS);
                    if (line == null) {
                        return new Outcome(null, worker.death());
                    }
                    DraftCheck.Reply reply = DraftWorker.reply(line);
                    healthy = reply.failure() == null || !reply.failure().contains("the draft process was ended");
                    return new Outcome(reply, null);
                } catch (TimeoutException e) {
                    long cpu = worker.cpuNanos() - cpuAtStart;
                    long wall = System.nanoTime() - wallAtStart;
                    if (cpu > budget.toNanos() || wall > budget.multipliedBy(4).toNanos()) {
                        worker.kill();
                        String used = cpu > budget.toNanos() ? TimeUnit.NANOSECONDS.toSeconds(cpu) + " s of CPU"
                                : TimeUnit.NANOSECONDS.toSeconds(wall) + " s";
                        log.warn("An unpublished rule set used {} and its worker was stopped", used);
                        return new Outcome(null, "the unpublished rules did not finish within " + budget.toSeconds()
                                + " s of CPU (they used " + used + ") and were stopped, with the process they ran in");
                    }
                }
            }
        } catch (IOException e) {
            return new Outcome(null, worker.death());
        } catch (ExecutionException e) {
            return new Outcome(null, "the process that checks unpublished rules failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "the check was interrupted");
        } finally {
            POOL.give(worker, healthy);
        }
    }

    /** Reads replies off the workers' pipes, so that a request can wait with its eyes on the worker's CPU. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "firstwall-draft-reader");
        t.setDaemon(true);
        return t;
    });

    /** The processes alive now, for tests that check none is left spinning. */
    static List<ProcessHandle> processes() {
        return POOL.processes();
    }

    /** One worker process. */
    static final class Worker {
        final Process process;
        final BufferedWriter in;
        final BufferedReader out;
        long idleSince = System.nanoTime();

        Worker(Process process) {
            this.process = process;
            this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        long cpuNanos() {
            return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        void send(String line) throws IOException {
            in.write(line);
            in.write('\n');
            in.flush();
        }

        String readLine() {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        /** Why the worker is gone, in words. */
        String death() {
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return process.isAlive() ? "the process that checks unpublished rules stopped answering"
                    : "the unpublished rules ended the process they ran in (exit " + process.exitValue() + ": out of its "
                            + HEAP + " of memory, or stopped)";
        }

        boolean alive() {
            return process.isAlive();
        }
    }

    /** The workers, shared by every app context of the JVM; each serves one request at a time. */
    static final class Pool {
        private final Deque<Worker> idle = new ArrayDeque<>();
        private final List<Worker> all = new ArrayList<>();
        private int starting;

        Pool() {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "firstwall-draft-workers-stop"));
            Thread reaper = new Thread(this::reapIdle, "firstwall-draft-workers-idle");
            reaper.setDaemon(true);
            reaper.start();
        }

        synchronized List<ProcessHandle> processes() {
            return all.stream().filter(Worker::alive).map(w -> w.process.toHandle()).toList();
        }

        Worker take() throws IOException {
            synchronized (this) {
                while (true) {
                    while (!idle.isEmpty()) {
                        Worker w = idle.pollFirst();
                        if (w.alive()) {
                            return w;
                        }
                        all.remove(w);
                    }
                    if (all.size() + starting < WORKERS) {
                        starting++;
                        break;
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while waiting for a worker");
                    }
                }
            }
            try {
                Worker w = start();
                synchronized (this) {
                    all.add(w);
                }
                return w;
            } finally {
                synchronized (this) {
                    starting--;
                    notifyAll();
                }
            }
        }

        synchronized void give(Worker w, boolean healthy) {
            if (healthy && w.alive()) {
                w.idleSince = System.nanoTime();
                idle.addLast(w);
            } else {
                w.kill();
                all.remove(w);
            }
            notifyAll();
        }

        private Worker start() throws IOException {
            Process process = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Worker w = new Worker(process);
            String first = w.readLine();
            if (first == null || !DraftWorker.isReady(first)) {
                w.kill();
                throw new IOException(first == null ? "it ended at once" : "it said " + first);
            }
            return w;
        }

        private void reapIdle() {
            while (true) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (this) {
                    idle.removeIf(w -> {
                        boolean old = System.nanoTime() - w.idleSince > IDLE.toNanos();
                        if (old) {
                            w.kill();
                            all.remove(w);
                        }
                        return old;
                    });
                }
            }
        }

        private synchronized void stopAll() {
            all.forEach(Worker::kill);
            all.clear();
            idle.clear();
        }
    }

    /**
     * How to start a worker: this JVM's java, a capped heap and one core's worth of threads, and the
     * app's own classes: the class path as it is, or, in the packaged jar, the jar through Spring
     * Boot's launcher with the worker as its main class.
     */
    static List<String> command() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-Xss2m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ActiveProcessorCount=1",
                "-XX:MaxMetaspaceSize=256m", "-Dfile.encoding=UTF-8", "-Dlogback.configurationFile=logback-cli.xml"));
        String classPath = System.getProperty("java.class.path");
        boolean packaged = DraftWorker.class.getClassLoader().getClass().getName().startsWith("org.springframework.boot.loader");
        if (packaged) {
            command.addAll(List.of("-cp", classPath, "-Dloader.main=" + DraftWorker.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", classPath, DraftWorker.class.getName()));
        }
        return command;
    }
}
