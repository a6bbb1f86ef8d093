package dev.leeway.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** An audit store on a database of the test's own, outside any application context, as another instance would have. */
public final class StandaloneStore {

    private StandaloneStore() {}

    public static GroupCommitWriter writer(DataSource dataSource, int maxBatch) {
        return new GroupCommitWriter(dataSource, new JdbcTransactionManager(dataSource), maxBatch, Duration.ofSeconds(10),
                new SimpleMeterRegistry());
    }

    public static JdbcAuditStore on(DataSource dataSource) {
        return new JdbcAuditStore(dataSource, new JdbcTransactionManager(dataSource), writer(dataSource, 500));
    }
}
