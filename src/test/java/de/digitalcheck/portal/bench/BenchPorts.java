package de.digitalcheck.portal.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the portals the benchmark starts: a port and the one after it (a portal's management port is its port + 1),
 * both free, chosen below the kernel's range of ephemeral ports (32768 and up on Linux). A port the system hands out for
 * {@code new ServerSocket(0)} lies inside that range, where the load generator's own connections take ports too, and
 * one of them took the management port between the check and the portal's start ("Port … already in use").
 */
final class BenchPorts {

    private static final int FROM = 20_000;
    private static final int TO = 32_000;

    private BenchPorts() {
    }

    static int freePair() throws IOException {
        IOException last = null;
        for (int tries = 0; tries < 200; tries++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO - 1);
            try (ServerSocket first = new ServerSocket(port); ServerSocket second = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw last;
    }
}
