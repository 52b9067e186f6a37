package org.hotline.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The loopback ports of one stack. {@code ./stack} uses fixed defaults that docs/RUNNING.md and
 * compose share, each overridable by an environment variable; tests take free ports.
 */
public record Ports(int postgres, int kafka, int kafkaController, int intake, int cases, int stats, int keycloak) {

    public static final Ports DEFAULTS = new Ports(55432, 9092, 9093, 8081, 8082, 8083, 8180);

    /** The defaults, each replaced by its environment variable (e.g. {@code HOTLINE_KAFKA_PORT}) when set. */
    public static Ports fromEnvironment(UnaryOperator<String> environment) {
        Map<String, Integer> chosen = new LinkedHashMap<>();
        DEFAULTS.byVariable().forEach((variable, fallback) -> {
            String value = environment.apply(variable);
            if (value == null || value.isBlank()) {
                chosen.put(variable, fallback);
                return;
            }
            try {
                int port = Integer.parseInt(value.strip());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                chosen.put(variable, port);
            } catch (NumberFormatException e) {
                throw new StackFailure(variable + " must be a port number from 1 to 65535, not '" + value + "'");
            }
        });
        return new Ports(chosen.get("HOTLINE_PG_PORT"), chosen.get("HOTLINE_KAFKA_PORT"),
                chosen.get("HOTLINE_KAFKA_CONTROLLER_PORT"), chosen.get("HOTLINE_INTAKE_PORT"),
                chosen.get("HOTLINE_CASE_PORT"), chosen.get("HOTLINE_STATS_PORT"), chosen.get("HOTLINE_KEYCLOAK_PORT"));
    }

    /** Seven ports that were free a moment ago: for tests that run beside a live stack. */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    }

    /** Each port with the environment variable that moves it, in start order. */
    public Map<String, Integer> byVariable() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("HOTLINE_PG_PORT", postgres);
        ports.put("HOTLINE_KAFKA_PORT", kafka);
        ports.put("HOTLINE_KAFKA_CONTROLLER_PORT", kafkaController);
        ports.put("HOTLINE_INTAKE_PORT", intake);
        ports.put("HOTLINE_CASE_PORT", cases);
        ports.put("HOTLINE_STATS_PORT", stats);
        ports.put("HOTLINE_KEYCLOAK_PORT", keycloak);
        return ports;
    }

    /** A port nothing listens on now (the system picks it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
