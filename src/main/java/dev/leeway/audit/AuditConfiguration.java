package dev.leeway.audit;

import dev.leeway.decision.DecisionIds;
import dev.leeway.decision.DecisionLog;
import dev.leeway.decision.DecisionMetrics;
import dev.leeway.rules.InMemoryRuleSetHistory;
import dev.leeway.rules.Deciders;
import dev.leeway.rules.RecordedVocabularies;
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

    /** The one way into the log; it starts with the first append, which may come before the context has started. */
    @Bean
    @DependsOnDatabaseInitialization
    GroupCommitWriter auditWriter(DataSource dataSource, PlatformTransactionManager transactionManager,
            AuditProperties properties, MeterRegistry meters) {
        return new GroupCommitWriter(dataSource, transactionManager, properties.maxBatch(), properties.writeTimeout(),
                meters);
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcAuditStore auditStore(DataSource dataSource, PlatformTransactionManager transactionManager,
            GroupCommitWriter writer) {
        return new JdbcAuditStore(dataSource, transactionManager, writer);
    }

    @Bean
    @ConditionalOnProperty(name = "leeway.audit.enabled", havingValue = "true", matchIfMissing = true)
    AuditedDecisions auditedDecisions(AuditStore store, JsonMapper json, AuditProperties properties, DecisionIds ids,
            Clock clock, DecisionMetrics metrics) {
        return new AuditedDecisions(store, json, properties, ids, clock, metrics);
    }

    /**
     * With the audit log on, the rule-set history is what it recorded, across restarts and
     * instances; with it off, nothing is recorded and the history lasts as long as the process.
     */
    @Bean
    RuleSetHistory ruleSetHistory(AuditProperties properties, AuditStore store, JsonMapper json) {
        return properties.enabled() ? new RecordedRuleSetHistory(store, json) : new InMemoryRuleSetHistory();
    }

    /** What validation compares a candidate's vocabulary with: the rule sets recorded decisions were made under. */
    @Bean
    RecordedVocabularies recordedVocabularies(AuditStore store, JsonMapper json) {
        return new RecordedRuleSetVocabularies(store, json);
    }

    @Bean
    DecisionRecords decisionRecords(AuditStore store, JsonMapper json) {
        return new DecisionRecords(store, json);
    }

    @Bean
    DecisionReplay decisionReplay(AuditStore store, RuleSetCompiler compiler, Deciders deciders, JsonMapper json,
            Clock clock) {
        return new DecisionReplay(store, compiler, deciders, json, clock);
    }

    @Bean
    RecordedFirings recordedFirings(DataSource dataSource) {
        return new RecordedFirings(dataSource);
    }

    @Bean
    AuditExport auditExport(AuditStore store, JsonMapper json) {
        return new AuditExport(store, json);
    }

    @Bean
    @ConditionalOnProperty(name = "leeway.audit.enabled", havingValue = "false")
    DecisionLog notRecordedDecisions(DecisionMetrics metrics) {
        return new NotRecordedDecisions(metrics);
    }
}
