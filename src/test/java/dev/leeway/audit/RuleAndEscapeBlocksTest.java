package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On H2 the rule and escape filters read only the blocks recorded as holding a match, so a block
 * must be recorded whenever a record naming the rule or escape is committed in it.
 */
class RuleAndEscapeBlocksTest {

    private JdbcAuditStore store;
    private TransactionTemplate outer;

    @BeforeEach
    void openStore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:blocks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        store = new JdbcAuditStore(dataSource, transactions);
        outer = new TransactionTemplate(transactions);
    }

    @Test
    void aDecisionIsFoundByItsRuleAndEscapeAfterAnEarlierAppendNamingThemRolledBack() {
        outer.executeWithoutResult(status -> {
            append("rolled-back");
            status.setRollbackOnly();
        });
        String kept = append("kept");

        assertThat(store.decisions(new DecisionFilter(null, "rare-rule", null, null, null, null), 0, 10))
                .extracting(StoredRecord::recordId).containsExactly(kept);
        assertThat(store.decisions(new DecisionFilter(null, null, "rare-escape", null, null, null), 0, 10))
                .extracting(StoredRecord::recordId).containsExactly(kept);
    }

    private String append(String caseId) {
        String id = UUID.randomUUID().toString();
        store.append(List.of(new AuditEntry(id, "DECISION", Instant.now(), caseId, "agent-7", "sha256:test", null,
                "{}", List.of("rare-rule"), List.of("rare-escape"), null)));
        return id;
    }
}
