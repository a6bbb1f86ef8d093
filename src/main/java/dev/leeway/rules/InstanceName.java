package dev.leeway.rules;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name this instance signs its rule-set activations with, so that a log shared by several
 * instances says which one started serving which version: {@code leeway.instance-name}, else the
 * host name (in a container, its id).
 */
@Component
public class InstanceName {

    private final String value;

    public InstanceName(@Value("${leeway.instance-name:}") String configured) {
        this.value = configured.isBlank() ? hostName() : configured.strip();
    }

    public String value() {
        return value;
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
