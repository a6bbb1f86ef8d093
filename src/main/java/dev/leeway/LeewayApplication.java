package dev.leeway;

import dev.leeway.cli.LeewayCli;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Leeway: a rule-based escalation engine with escape paths for service organisations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeewayApplication {

    private static final String H2_OBJECT_CACHE = "h2.objectCache";

    /** Starts the service, or runs an offline command ({@code validate}, {@code test}) and exits. */
    public static void main(String[] args) {
        if (LeewayCli.handles(args)) {
            System.exit(LeewayCli.execute(args));
        }
        // H2 hashes every string it reads, 9 KB audit payloads included, to look it up in a small
        // shared cache; without that cache a walk of the audit chain takes a fifth less time (11 to
        // 13 s instead of 14 to 15 s for 264,000 records). -Dh2.objectCache=true keeps the cache.
        if (System.getProperty(H2_OBJECT_CACHE) == null) {
            System.setProperty(H2_OBJECT_CACHE, "false");
        }
        SpringApplication.run(LeewayApplication.class, args);
    }

    /** The clock "now" is read from when a request does not give {@code at}. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
