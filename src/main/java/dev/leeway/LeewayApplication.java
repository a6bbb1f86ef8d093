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

    /** Starts the service, or runs an offline command ({@code validate}, {@code test}) and exits. */
    public static void main(String[] args) {
        if (LeewayCli.handles(args)) {
            System.exit(LeewayCli.execute(args));
        }
        SpringApplication.run(LeewayApplication.class, args);
    }

    /** The clock "now" is read from when a request does not give {@code at}. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
