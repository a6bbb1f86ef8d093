package dev.leeway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The executable jar, started as the README starts it, on a data directory of the test's; its
 * output goes to {@code service.log} there.
 */
public final class PackagedService {

    private final Process process;
    private final int port;

    private PackagedService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar and waits until it is ready to decide. */
    public static PackagedService start(Path data, int port, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/leeway.jar", "--server.port=" + port, "--leeway.rules.watch=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("service.log").toFile()));
        builder.environment().put("LEEWAY_DATA_DIRECTORY", data.toString());
        PackagedService service = new PackagedService(builder.start(), port);
        service.awaitReady(data);
        return service;
    }

    public int port() {
        return port;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed service did not end");
        }
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady(Path data) throws IOException, InterruptedException {
        HttpApi probe = new HttpApi(port).anonymous();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited: " + Files.readString(data.resolve("service.log")));
            }
            try {
                if (probe.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start: " + Files.readString(data.resolve("service.log")));
    }
}
