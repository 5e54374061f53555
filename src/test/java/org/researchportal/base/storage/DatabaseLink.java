package org.researchportal.base.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' way to the database: a TCP relay in front of the embedded wire server that a test can cut (every open
 * connection dropped, new ones refused, as when the database stops) and restore (as when it is back). The portal's
 * real MongoDB driver sees exactly what it would see of a database restart.
 */
public final class DatabaseLink implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress database;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    DatabaseLink(InetSocketAddress database) throws IOException {
        this.database = database;
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("database-link").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The database stops: connections drop, and new ones are refused until {@link #restore}. */
    public void cut() {
        up = false;
        open.forEach(DatabaseLink::closeQuietly);
        open.clear();
    }

    /** The database is back. */
    public void restore() {
        up = true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (!up) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(database.getAddress(), database.getPort());
                // As the driver and the server do: small requests go out at once, not held back by Nagle's algorithm.
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> relay(client, server));
                Thread.ofVirtual().start(() -> relay(server, client));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // One side went away (or the link was cut): the other goes too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
