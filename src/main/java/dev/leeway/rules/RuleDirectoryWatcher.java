package dev.leeway.rules;

import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
    private ScheduledExecutorService reloads;
    private ExecutorService watchLoop;
    private DirectoryWatcher watcher;
    private ScheduledFuture<?> pending;
    private volatile boolean running;

    public RuleDirectoryWatcher(RulesProperties properties, RuleSetLoader loader) {
        this.properties = properties;
        this.loader = loader;
    }

    @Override
    public synchronized void start() {
        if (!properties.watch()) {
            log.info("Not watching {} (leeway.rules.watch=false): reload with POST /api/v1/rules/reload",
                    properties.directory().toAbsolutePath());
            return;
        }
        reloads = Executors.newSingleThreadScheduledExecutor(daemon("leeway-rules-reload"));
        // The watch loop blocks its thread for good, so it must not share one with the reloads.
        watchLoop = Executors.newSingleThreadExecutor(daemon("leeway-rules-watch"));
        try {
            watcher = DirectoryWatcher.builder()
                    .path(properties.directory())
                    .listener(event -> changed())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch rules directory " + properties.directory(), e);
        }
        watcher.watchAsync(watchLoop);
        running = true;
        log.info("Watching {} for rule changes", properties.directory().toAbsolutePath());
    }

    private synchronized void changed() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = reloads.schedule(this::reload, properties.watchQuietPeriod().toMillis(), TimeUnit.MILLISECONDS);
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
        if (watchLoop != null) {
            watchLoop.shutdownNow();
        }
        if (reloads != null) {
            reloads.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
