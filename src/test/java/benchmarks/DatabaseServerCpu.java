package benchmarks;

import java.time.Duration;

/**
 * The CPU time the local database server's processes have used so far, from the operating system:
 * recording on PostgreSQL is work its backends, WAL writer and checkpointer do, which the
 * benchmark server's own CPU time does not show.
 */
final class DatabaseServerCpu {

    private DatabaseServerCpu() {}

    /** Summed over every running process whose command is {@code postgres}. */
    static Duration postgres() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
