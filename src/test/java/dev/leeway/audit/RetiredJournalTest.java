package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading an H2 data directory from a version that kept a journal beside the database: answered
 * decisions only that journal holds are never silently dropped, and a journal with nothing more
 * to give is removed.
 */
class RetiredJournalTest {

    @TempDir
    Path data;

    private JdbcDataSource database;
    private Path journal;

    @BeforeEach
    void openDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + data.resolve("leeway") + ";DB_CLOSE_ON_EXIT=FALSE");
        database.setUser("sa");
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        journal = data.resolve("leeway.audit-journal");
    }

    @Test
    void aJournalHoldingDecisionsTheDatabaseLacksStopsTheStartAndSaysHowToRecoverThem() throws IOException {
        // Written by a version before the one store design; it holds records from position 1 on.
        Files.copy(Path.of("src/test/resources/audit/journal-before-headers.audit-journal"), journal);

        assertThatThrownBy(() -> StandaloneStore.on(database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("Start the previous version of Leeway once");
        assertThat(journal).as("kept, for the previous version to put back").exists();
    }

    @Test
    void aJournalTheDatabaseHoldsEntirelyIsRemoved() throws IOException {
        Files.write(journal, new byte[0]);

        StandaloneStore.on(database);

        assertThat(journal).doesNotExist();
    }
}
