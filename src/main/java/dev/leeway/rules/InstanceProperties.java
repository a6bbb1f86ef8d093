package dev.leeway.rules;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which instance this is ({@code leeway.instance-name}). Several instances may share one audit
 * log; each signs the rule-set activations it records with this name, so the history says which
 * one started serving which version.
 *
 * @param instanceName the configured name; when not set, the host name (in a container, its id)
 */
@ConfigurationProperties("leeway")
public record InstanceProperties(String instanceName) {

    public InstanceProperties {
        instanceName = instanceName == null || instanceName.isBlank() ? hostName() : instanceName.strip();
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "unknown";
        }
    }
}
