package org.hotline.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The loopback ports of one stack. {@code ./stack} uses fixed defaults that docs/RUNNING.md and
 * compose share, each overridable by an environment variable; tests take free ports.
 */
public record Ports(int postgres, int kafka, int kafkaController, int intake, int cases, int stats, int keycloak) {

    public static final Ports DEFAULTS = new Ports(55432, 9092, 9093, 8081, 8082, 8083, 8180);

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Test ports come from the span just below the ephemeral range, and never below this. */
    private static final int MIN_CHOSEN_PORT = 10_000;
    private static final int CHOSEN_SPAN = 12_000;

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

    /** Seven different ports that were free a moment ago: for tests that run beside a live stack. */
    public static Ports free() {
        Set<Integer> taken = new HashSet<>();
        int[] ports = new int[7];
        for (int i = 0; i < ports.length; i++) {
            int port;
            do {
                port = freePort();
            } while (!taken.add(port));
            ports[i] = port;
        }
        return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
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

    /**
     * A port nothing listens on now, chosen below the kernel's ephemeral range. A port from that
     * range (what {@code new ServerSocket(0)} hands out) can be taken as the local end of any
     * outgoing connection while its part is stopped between two starts, and the part then fails
     * to bind when it comes back; below the range only a listener can take it.
     */
    public static int freePort() {
        int ephemeralFloor = ephemeralFloor();
        int lowest = Math.max(MIN_CHOSEN_PORT, ephemeralFloor - CHOSEN_SPAN);
        if (lowest >= ephemeralFloor) {
            return anyFreePort();
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(lowest, ephemeralFloor);
            if (isFree(port)) {
                return port;
            }
        }
        return anyFreePort();
    }

    /**
     * The first port of Linux's ephemeral range (32768 when it cannot be read, Linux's default).
     * Read line by line: {@code Files.readString} trusts the size /proc reports and returns "3".
     */
    static int ephemeralFloor() {
        try {
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
