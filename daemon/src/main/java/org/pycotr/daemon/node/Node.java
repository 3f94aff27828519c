package org.pycotr.daemon.node;

import java.time.Clock;
import org.pycotr.daemon.http.HttpServer;
import org.pycotr.daemon.http.LegacyApi;
import org.pycotr.daemon.http.MetricsApi;
import org.pycotr.daemon.http.PeerRegistry;
import org.pycotr.daemon.http.Router;
import org.pycotr.daemon.http.V1Api;
import org.pycotr.daemon.p2p.P2pNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires a node and starts and stops its parts in order: chain, then network, then HTTP. Nothing else. */
public final class Node implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Node.class);

    private final ChainService chain;
    private final P2pNetwork net;
    private final HttpServer http;

    public Node(NodeConfig config, Clock clock) {
        chain = new ChainService(config.params(), config.mempool(), config.miner(), clock, config.verifyThreads());
        net = new P2pNetwork(config.network(), chain, config.params(), clock).start();
        Router router = new Router(path -> path.startsWith("/v1") || path.equals("/metrics") ? V1Api.ERRORS : LegacyApi.ERRORS);
        new V1Api(chain, net, config.params(), config.admin(), config.advertisedUrl(), config.network().listenHost())
                .register(router);
        new MetricsApi(chain, net).register(router);
        if (config.legacyApi()) {
            new LegacyApi(chain, net, config.params(), config.faucet(),
                    new PeerRegistry(config.advertisedUrl(), net::addPeer)).register(router);
        }
        http = new HttpServer(config.httpHost(), config.httpPort(), config.httpThreads(), router);
        log.info("Node up: network {} (genesis {}), HTTP {} ({}), P2P port {}", config.params().network(),
                config.params().networkId().shortHex(), config.advertisedUrl(), http.port(), net.port());
    }

    public ChainService chain() {
        return chain;
    }

    public P2pNetwork network() {
        return net;
    }

    public int httpPort() {
        return http.port();
    }

    public int p2pPort() {
        return net.port();
    }

    @Override
    public void close() {
        log.info("Shutting down");
        http.close();
        net.close();
        chain.close();
        log.info("Stopped");
    }
}
