package dev.leeway.rules;

import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Reloads the rules when anything under the rules directory changes, without a restart. Changes
 * are collected until the directory has been quiet for {@code leeway.rules.watch-quiet-period},
 * then loaded on a background thread: requests never wait for a reload.
 */
@Component
public class RuleDirectoryWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleDirectoryWatcher.class);

    private final RulesProperties properties;
    private final RuleSetLoader loader;
    private final TaskScheduler reloads;
    private DirectoryWatcher watcher;
    private ScheduledFuture<?> pending;
    private volatile boolean running;

    public RuleDirectoryWatcher(RulesProperties properties, RuleSetLoader loader, TaskScheduler reloads) {
        this.properties = properties;
        this.loader = loader;
        this.reloads = reloads;
    }

    @Override
    public synchronized void start() {
        if (!properties.watch()) {
            log.info("Not watching {} (leeway.rules.watch=false): reload with POST /api/v1/rules/reload",
                    properties.directory().toAbsolutePath());
            return;
        }
        try {
            watcher = DirectoryWatcher.builder()
                    .path(properties.directory())
                    .listener(event -> changed())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch rules directory " + properties.directory(), e);
        }
        // The watch loop blocks its thread for good, so it gets one of its own rather than a scheduler's.
        SimpleAsyncTaskExecutor watchLoop = new SimpleAsyncTaskExecutor("leeway-rules-watch-");
        watchLoop.setDaemon(true);
        watcher.watchAsync(watchLoop);
        running = true;
        log.info("Watching {} for rule changes", properties.directory().toAbsolutePath());
    }

    private synchronized void changed() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = reloads.schedule(this::reload, reloads.getClock().instant().plus(properties.watchQuietPeriod()));
    }

    private void reload() {
        try {
            loader.reload("file-watch");
        } catch (RuntimeException e) {
            // The watcher must survive whatever a reload throws, or later edits would go unnoticed.
            log.error("Reloading rules after a change failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.warn("Closing the rules watcher failed", e);
            }
        }
        if (pending != null) {
            pending.cancel(false);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
