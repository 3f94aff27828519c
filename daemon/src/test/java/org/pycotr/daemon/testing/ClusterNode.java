package org.pycotr.daemon.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.node.ChainService;
import org.pycotr.daemon.node.ChainView;
import org.pycotr.daemon.node.MinerSettings;
import org.pycotr.daemon.p2p.NetworkSettings;
import org.pycotr.daemon.p2p.P2pNetwork;
import org.pycotr.daemon.p2p.PeerAddress;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.tx.Transfer;

/** A real node (chain service and P2P network on loopback) inside the test JVM. */
public final class ClusterNode implements AutoCloseable {
    public final String name;
    public final ChainParams params;
    public final ChainService chain;
    public final P2pNetwork net;
    public final PrivateKey minerKey;

    public ClusterNode(String name, ChainParams params, NetworkSettings settings) {
        this.name = name;
        this.params = params;
        this.minerKey = PrivateKey.generate();
        this.chain = new ChainService(params, MempoolLimits.DEFAULT,
                new MinerSettings(false, 1, minerKey.address(), Duration.ZERO), Clock.systemUTC());
        this.net = new P2pNetwork(settings, chain, params, Clock.systemUTC()).start();
    }

    public static NetworkSettings settings() {
        return NetworkSettings.defaults("127.0.0.1", 0, List.of(), "");
    }

    /** Dials only the peers it is told to: the topology stays what the test built. */
    public static NetworkSettings fixedTopology() {
        NetworkSettings d = settings();
        return new NetworkSettings(d.listenHost(), 0, List.of(), "", 0, d.maxInbound(), d.handshakeTimeout(),
                d.pingInterval(), d.idleTimeout(), d.stallTimeout(), d.banDuration(), d.ioThreads(), d.protocolVersion(),
                d.minProtocolVersion());
    }

    public PeerAddress address() {
        return new PeerAddress("127.0.0.1", net.port());
    }

    public void connect(ClusterNode other) {
        net.addPeer(other.address());
    }

    public long height() {
        return chain.read(ChainView::height).join();
    }

    public Hash tip() {
        return chain.read(v -> v.tip().hash()).join();
    }

    public boolean inMempool(Hash txid) {
        return chain.read(v -> v.pendingTransaction(txid).isPresent()).join();
    }

    public boolean confirmed(Hash txid) {
        return chain.read(v -> v.findTransaction(txid).isPresent()).join();
    }

    public int peerCount() {
        return net.peers().size();
    }

    public void submit(Transfer tx) {
        chain.submitTransaction(tx, "test").join();
    }

    /** Imports blocks as if they had arrived from elsewhere (no relay loop involved). */
    public void importBlocks(List<Block> blocks) {
        for (Block b : blocks) {
            BlockResult r = chain.submitBlock(b, "import").join();
            if (r.status() != BlockResult.Status.CONNECTED && r.status() != BlockResult.Status.SIDE_BRANCH) {
                throw new AssertionError("import failed: " + r);
            }
        }
    }

    /** Mines one block on the tip from the mempool, exactly as the miner would, and announces it. */
    public Block mineBlock() {
        return LocalMining.mineOne(chain, minerKey.address());
    }

    @Override
    public void close() {
        net.close();
        chain.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
