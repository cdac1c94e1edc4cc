package de.digitalcheck.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A management port of its own for a test that checks the management port (the other tests' contexts have none:
 * their health and metrics answer on their server's port, see application.yml). The port is free when asked for; the
 * context binds it a moment later, so only the few tests that need it take that small chance.
 */
public final class ManagementPort {

    private final int port;

    public ManagementPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The property that puts the management endpoints on this port. */
    public Map<String, String> properties() {
        return Map.of("endpoints.all.port", Integer.toString(port));
    }
}
