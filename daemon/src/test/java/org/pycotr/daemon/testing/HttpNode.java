package org.pycotr.daemon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.pycotr.daemon.http.AdminAccess;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.node.MinerSettings;
import org.pycotr.daemon.node.Node;
import org.pycotr.daemon.node.NodeConfig;
import org.pycotr.daemon.p2p.NetworkSettings;
import org.pycotr.daemon.p2p.PeerAddress;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;

/** A whole node (chain, P2P, HTTP) in the test JVM, with a small HTTP client to talk to it. */
public final class HttpNode implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Node node;
    public final int httpPort;
    public final String url;
    public final PrivateKey miner = PrivateKey.generate();

    /** A reply: status, parsed JSON body (null if not JSON) and raw text. */
    public record Reply(int status, JsonNode json, String text, String contentType) {}

    public HttpNode(ChainParams params, PrivateKey faucet, AdminAccess admin, List<PeerAddress> bootstrap) {
        this.httpPort = freePort();
        this.url = "http://localhost:" + httpPort;
        NetworkSettings d = NetworkSettings.defaults("127.0.0.1", 0, bootstrap, url);
        NodeConfig config = new NodeConfig(params, new MinerSettings(false, 1, miner.address(), Duration.ofSeconds(5)),
                MempoolLimits.DEFAULT, 2, d, "127.0.0.1", httpPort, 2, url, admin, true, faucet);
        this.node = new Node(config, Clock.systemUTC());
    }

    public HttpNode(ChainParams params, PrivateKey faucet) {
        this(params, faucet, new AdminAccess(AdminAccess.Mode.LOOPBACK, null), List.of());
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public PeerAddress p2pAddress() {
        return new PeerAddress("127.0.0.1", node.p2pPort());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
    }

    /** A GET with a JSON body, as the legacy frontend sends. */
    public Reply get(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).method("GET", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply post(String path, String body) {
        return post(path, body, "application/json");
    }

    public Reply post(String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> res = CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = JSON.readTree(res.body());
            } catch (IOException ignored) {
                // not JSON: the caller looks at text
            }
            return new Reply(res.statusCode(), json, res.body(), res.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void mineBlock() {
        LocalMining.mineOne(node.chain(), miner.address());
    }

    public long height() {
        return node.chain().read(v -> v.height()).join();
    }

    @Override
    public void close() {
        node.close();
    }
}
