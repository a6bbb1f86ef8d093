package benchmarks;

import dev.leeway.LeewayApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A Leeway server for {@link HttpThroughput}, in a process of its own as in production: its audit
 * log off, on an H2 file database (the default store, with its durability settings) or on
 * PostgreSQL (a schema of its own at 127.0.0.1:5432, database test). It prints {@code port <n>} once it serves, and stops, leaving nothing behind, when its
 * standard input closes, so a driver that dies takes its servers with it.
 */
public final class BenchServer {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private BenchServer() {}

    public static void main(String[] args) throws IOException, SQLException {
        String audit = args[0];
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.tomcat.max-keep-alive-requests=-1",
                "logging.level.root=WARN", "spring.main.banner-mode=off", "leeway.rules.watch=false"));
        String schema = null;
        Path h2Directory = null;
        switch (audit) {
            case "off" -> properties.addAll(List.of("leeway.audit.enabled=false",
                    "spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"));
            case "h2" -> {
                h2Directory = Files.createTempDirectory("leeway-bench-");
                properties.add("spring.datasource.url=jdbc:h2:file:" + h2Directory + "/leeway;DB_CLOSE_ON_EXIT=FALSE");
            }
            case "postgresql" -> {
                schema = "leeway_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                properties.addAll(List.of("spring.profiles.active=postgresql",
                        "spring.datasource.url=" + POSTGRES + "?currentSchema=" + schema,
                        "spring.datasource.username=postgres", "spring.datasource.password=",
                        "spring.flyway.schemas=" + schema, "spring.flyway.create-schemas=true"));
            }
            default -> throw new IllegalArgumentException("audit must be off, h2 or postgresql, not " + audit);
        }
        // The driver's own settings come last, so they win.
        properties.addAll(List.of(args).subList(1, args.length));
        // As the executable jar runs it.
        LeewayApplication.useH2WithoutObjectCache();
        // As command-line arguments: they outrank every configuration file, including the test
        // class path's config/application.yaml, which would otherwise swap in an in-memory database.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LeewayApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
        System.out.println("port " + ((WebServerApplicationContext) context).getWebServer().getPort());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // The driver never writes; end of input is its signal to stop.
            }
        } finally {
            context.close();
            if (h2Directory != null) {
                // A run leaves gigabytes of H2 file behind; nothing reads it afterwards.
                FileSystemUtils.deleteRecursively(h2Directory);
            }
            if (schema != null) {
                try (var connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                        var statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
        System.exit(0);
    }
}
