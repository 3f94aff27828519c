package org.pycotr.daemon.node;

import java.util.Objects;
import org.pycotr.daemon.http.AdminAccess;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.p2p.NetworkSettings;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;

/**
 * Everything a node is started with, validated: the network it joins, how it mines, peers, HTTP
 * and admin access.
 *
 * @param verifyThreads threads checking signatures before the chain thread sees them
 * @param faucet the dev faucet key for legacy purchases, or {@code null}
 */
public record NodeConfig(ChainParams params, MinerSettings miner, MempoolLimits mempool, int verifyThreads,
        NetworkSettings network,
        String httpHost, int httpPort, int httpThreads, String advertisedUrl, AdminAccess admin, boolean legacyApi,
        PrivateKey faucet) {
    public NodeConfig {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(mempool, "mempool");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(admin, "admin");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("HTTP port must be 0-65535, got " + httpPort);
        }
        if (verifyThreads < 1) {
            throw new IllegalArgumentException("verify threads must be at least 1, got " + verifyThreads);
        }
        if (httpThreads < 1) {
            throw new IllegalArgumentException("HTTP threads must be at least 1");
        }
    }
}
