package benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap still in use right after each garbage collection: what a long run really holds on
 * to, unlike a sample of used heap, which also counts garbage not yet collected.
 */
final class HeapAfterCollections implements NotificationListener {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong stretchPeak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    static HeapAfterCollections watch() {
        HeapAfterCollections listener = new HeapAfterCollections();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
        return listener;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
        peak.accumulateAndGet(used, Math::max);
        stretchPeak.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
    }

    long peak() {
        return peak.get();
    }

    /** The peak since the last call (or since watching began), starting a new one: to see whether it grows. */
    long peakSinceLastAsked() {
        return stretchPeak.getAndSet(0);
    }

    long collections() {
        return collections.get();
    }
}
