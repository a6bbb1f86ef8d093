package dev.leeway.audit;

import dev.leeway.decision.DecisionIds;
import dev.leeway.decision.DecisionLog;
import dev.leeway.rules.InMemoryRuleSetHistory;
import dev.leeway.rules.Deciders;
import dev.leeway.rules.RuleSetCompiler;
import dev.leeway.rules.RuleSetHistory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Wires the audit log: recorded by default; {@code leeway.audit.enabled=false} answers without recording. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    /** Replaces Spring Boot's own, so that every commit, the audit log's and the review queue's, is durable. */
    @Bean
    DurableCommitTransactionManager transactionManager(DataSource dataSource) {
        return new DurableCommitTransactionManager(dataSource);
    }

    /** After Flyway, and before anything can append: a killed process's journaled records go back first. */
    @Bean
    @DependsOnDatabaseInitialization
    JdbcAuditStore auditStore(DataSource dataSource, PlatformTransactionManager transactionManager,
            MeterRegistry meters, AuditProperties properties) {
        JdbcAuditStore store = new JdbcAuditStore(dataSource, transactionManager, meters, properties.maxBatch(),
                properties.writeTimeout());
        store.recoverFromJournal();
        return store;
    }

    /**
     * On an H2 file database, decisions are answered once the journal holds them; where every
     * commit is durable by itself, many decisions share one commit.
     */
    @Bean
    RecordWriter auditWriter(AuditStore store, AuditProperties properties, MeterRegistry meters) {
        return store.journalFirst().orElseGet(
                () -> new GroupCommitWriter(store, properties.maxBatch(), properties.writeTimeout(), meters));
    }

    @Bean
    @ConditionalOnProperty(name = "leeway.audit.enabled", havingValue = "true", matchIfMissing = true)
    AuditedDecisions auditedDecisions(RecordWriter writer, AuditStore store, JsonMapper json,
            AuditProperties properties, DecisionIds ids, Clock clock) {
        return new AuditedDecisions(writer, store, json, properties, ids, clock);
    }

    /**
     * With the audit log on, the rule-set history is what it recorded, across restarts and
     * instances; with it off, nothing is recorded and the history lasts as long as the process.
     */
    @Bean
    RuleSetHistory ruleSetHistory(AuditProperties properties, AuditStore store, JsonMapper json) {
        return properties.enabled() ? new RecordedRuleSetHistory(store, json) : new InMemoryRuleSetHistory();
    }

    @Bean
    DecisionReplay decisionReplay(AuditStore store, RuleSetCompiler compiler, Deciders deciders, JsonMapper json,
            Clock clock) {
        return new DecisionReplay(store, compiler, deciders, json, clock);
    }

    @Bean
    AuditExport auditExport(AuditStore store, JsonMapper json) {
        return new AuditExport(store, json);
    }

    @Bean
    @ConditionalOnProperty(name = "leeway.audit.enabled", havingValue = "false")
    DecisionLog notRecordedDecisions() {
        return new NotRecordedDecisions();
    }
}
