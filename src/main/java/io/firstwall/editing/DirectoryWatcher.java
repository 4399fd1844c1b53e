package io.firstwall.editing;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a directory tree and calls back once a burst of changes (an editor's save, a git pull)
 * has settled. One daemon thread; {@link #close()} stops it.
 */
final class DirectoryWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final Path dir;
    private final Runnable onChange;
    private final Thread thread;
    private final WatchService watch;

    private DirectoryWatcher(Path dir, String name, Runnable onChange) throws IOException {
        this.dir = dir;
        this.onChange = onChange;
        this.watch = FileSystems.getDefault().newWatchService();
        register();
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A running watcher, or null (with a warning) when the directory cannot be watched. */
    static DirectoryWatcher start(Path dir, String name, Runnable onChange) {
        try {
            return new DirectoryWatcher(dir, name, onChange);
        } catch (IOException e) {
            log.warn("Cannot watch {} for outside edits: {}", dir, e.getMessage());
            return null;
        }
    }

    private void register() throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                WatchKey key = watch.take();
                key.pollEvents();
                key.reset();
                // Let an editor or a git pull finish writing before looking.
                WatchKey more;
                while ((more = watch.poll(400, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                register();
                onChange.run();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException | IOException e) {
                log.warn("Checking an outside edit of {} failed: {}", dir, e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watch.close();
    }
}
