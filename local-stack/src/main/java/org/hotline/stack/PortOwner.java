package org.hotline.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who listens on a loopback port: so that a port held by another program gets an error naming
 * that program, rather than a bind failure deep in a log. Reads Linux's /proc; elsewhere it can
 * only say that the port is taken.
 */
public final class PortOwner {

    private static final String LISTEN = "0A";

    private PortOwner() {
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    public static boolean isTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return !listeningInodes(port).isEmpty();
        }
    }

    /** The process listening on the port, if /proc tells. */
    public static Optional<ProcessHandle> of(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holdsSocket(p, inodes))
                    .findFirst()
                    .flatMap(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "pid 1234 (java -jar x.jar)", or "an unknown program" when /proc does not tell. */
    public static String describe(int port) {
        return of(port).map(PortOwner::describe).orElse("an unknown program");
    }

    static String describe(ProcessHandle process) {
        String command = process.info().commandLine().orElse(process.info().command().orElse("?"));
        if (command.length() > 120) {
            command = command.substring(0, 117) + "...";
        }
        return "pid " + process.pid() + " (" + command + ")";
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3])) {
                        inodes.add(fields[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No /proc (not Linux) or no IPv6 table: nothing more to learn here.
            }
        }
        return inodes;
    }

    private static boolean holdsSocket(Path process, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
