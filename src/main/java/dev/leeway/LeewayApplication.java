package dev.leeway;

import dev.leeway.cli.LeewayCli;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Leeway: a rule-based escalation engine with escape paths for service organisations. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LeewayApplication {

    private static final String H2_OBJECT_CACHE = "h2.objectCache";

    /** Starts the service, or runs an offline command ({@code validate}, {@code test}) and exits. */
    public static void main(String[] args) {
        if (LeewayCli.handles(args)) {
            System.exit(LeewayCli.execute(args));
        }
        useH2WithoutObjectCache();
        SpringApplication.run(LeewayApplication.class, args);
    }

    /**
     * H2 hashes every string it reads or is given, audit payloads included, to look it up in a small
     * shared cache, which costs more than it saves for Leeway's large, unrepeated payloads (see
     * docs/benchmarks.md). Called before the first connection, by {@link #main} and by benchmarks
     * that start the application themselves; {@code -Dh2.objectCache=true} keeps the cache.
     */
    public static void useH2WithoutObjectCache() {
        if (System.getProperty(H2_OBJECT_CACHE) == null) {
            System.setProperty(H2_OBJECT_CACHE, "false");
        }
    }

    /** The clock "now" is read from when a request does not give {@code at}. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
