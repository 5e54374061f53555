package org.researchportal.messaging;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's message API as far as the SDK uses it, on loopback: every SMS is kept (recipient and text) and answered as
 * queued with a message id of its own, at once. The portal reaches it through
 * {@code portal.messaging.twilio.api-base}; tests read what arrived as the participants' phones would. Tests that
 * script Twilio's answers one by one (errors, rate limits) use MockWebServer instead.
 */
public final class TwilioStandIn implements AutoCloseable {

    /** One SMS as it reached Twilio. */
    public record Sms(String to, String body) {}

    private final HttpServer server;
    /** A queue, not a copy-on-write list: the dispatch benchmark sends thousands and must not wait on the stand-in. */
    private final Queue<Sms> received = new ConcurrentLinkedQueue<>();

    private TwilioStandIn(HttpServer server) {
        this.server = server;
    }

    public static TwilioStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            TwilioStandIn standIn = new TwilioStandIn(server);
            AtomicInteger ids = new AtomicInteger();
            server.createContext("/", exchange -> {
                Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                standIn.received.add(new Sms(form.getOrDefault("To", ""), form.getOrDefault("Body", "")));
                byte[] body = "{\"sid\": \"SM%032d\", \"status\": \"queued\"}".formatted(ids.incrementAndGet())
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base address to give {@code portal.messaging.twilio.api-base}. */
    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Every SMS that arrived, in order. */
    public List<Sms> received() {
        return List.copyOf(received);
    }

    /** How many SMS arrived. */
    public int count() {
        return received.size();
    }

    /** How many SMS arrived for each recipient. */
    public Map<String, Long> countByRecipient() {
        Map<String, Long> counts = new HashMap<>();
        received.forEach(sms -> counts.merge(sms.to(), 1L, Long::sum));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
