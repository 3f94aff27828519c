package org.pycotr.daemon.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.pycotr.daemon.p2p.PeerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy frontend's list of registered node URLs, kept in registration order, and its
 * broadcast ritual. Every newly registered URL also becomes a P2P peer: we ask its
 * {@code /v1/status} for the P2P port and dial that port at the URL's host. Peer errors are
 * logged and ignored, as in the original.
 */
public final class PeerRegistry {
    private static final Logger log = LoggerFactory.getLogger(PeerRegistry.class);
    /** Each call to another node during registration may take this long. */
    static final Duration PEER_TIMEOUT = Duration.ofSeconds(3);

    private final String ownUrl;
    private final Consumer<PeerAddress> dial;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();
    private final List<String> registered = new ArrayList<>();

    public PeerRegistry(String ownUrl, Consumer<PeerAddress> dial) {
        this.ownUrl = ownUrl;
        this.dial = dial;
    }

    public String ownUrl() {
        return ownUrl;
    }

    public synchronized List<String> registered() {
        return List.copyOf(registered);
    }

    /** Adds {@code url} unless known or our own; a new one is dialled over P2P. */
    public void register(String url) {
        synchronized (this) {
            if (url.equals(ownUrl) || registered.contains(url)) {
                return;
            }
            registered.add(url);
        }
        log.info("Registered node {}", url);
        connectP2p(url);
    }

    /**
     * Registers {@code url}, tells every registered node about it ({@code /register-node}), then
     * sends every registered node and ourselves the full list ({@code /register-all-nodes}).
     */
    public CompletableFuture<Void> registerAndBroadcast(String url) {
        register(url);
        List<String> peers = registered();
        List<String> all = new ArrayList<>(peers);
        all.add(ownUrl);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String peer : peers) {
            chain = chain.thenCompose(v -> post(peer + "/register-node", Json.object().put("nodeUrl", url)));
        }
        for (String target : all) {
            com.fasterxml.jackson.databind.node.ObjectNode body = Json.object();
            all.forEach(body.putArray("network_nodes")::add);
            chain = chain.thenCompose(v -> post(target + "/register-all-nodes", body));
        }
        return chain;
    }

    private CompletableFuture<Void> post(String url, JsonNode body) {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(URI.create(url)).timeout(PEER_TIMEOUT)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(Json.bytes(body))).build();
        return client.sendAsync(req, BodyHandlers.discarding()).handle((res, failure) -> {
            if (failure != null) {
                log.info("Registration call {} failed: {}", url, failure.getMessage());
            } else if (res.statusCode() >= 300) {
                log.info("Registration call {} answered {}", url, res.statusCode());
            }
            return null;
        });
    }

    private void connectP2p(String url) {
        URI base = URI.create(url);
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(URI.create(url + "/v1/status"))
                .timeout(PEER_TIMEOUT).GET().build();
        client.sendAsync(req, BodyHandlers.ofByteArray()).thenAccept(res -> {
            try {
                int port = Json.MAPPER.readTree(res.body()).path("p2p").path("port").asInt(0);
                if (res.statusCode() == 200 && port > 0) {
                    dial.accept(new PeerAddress(base.getHost(), port));
                } else {
                    log.info("Node {} did not report a P2P port; not connecting over P2P", url);
                }
            } catch (java.io.IOException e) {
                log.info("Node {} sent an unreadable status: {}", url, e.getMessage());
            }
        }).exceptionally(e -> {
            log.info("Cannot reach {} for its P2P address: {}", url, e.getMessage());
            return null;
        });
    }
}
