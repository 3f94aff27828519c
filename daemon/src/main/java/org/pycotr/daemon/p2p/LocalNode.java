package org.pycotr.daemon.p2p;

import java.math.BigInteger;
import java.util.UUID;
import java.util.HexFormat;
import org.pycotr.protocol.crypto.Hash;

/**
 * Who we are on the network: a random node id (a UUID, new each start, used to spot connections
 * to ourselves and duplicates, and shown to the frontend as the blockchain id), the network id, and the best chain as last published by the chain
 * thread, which the handshake reports without waiting for that thread.
 */
final class LocalNode {
    static final String USER_AGENT = "pycotrd/0.1.0";

    record Tip(long height, Hash hash, BigInteger work) {}

    private final byte[] nodeId;
    private final String nodeIdHex;
    private final Hash networkId;
    private volatile Tip tip;

    LocalNode(Hash networkId, Tip initial) {
        this.nodeId = Ids.toBytes(UUID.randomUUID());
        this.nodeIdHex = HexFormat.of().formatHex(nodeId);
        this.networkId = networkId;
        this.tip = initial;
    }

    byte[] nodeId() {
        return nodeId.clone();
    }

    String nodeIdHex() {
        return nodeIdHex;
    }

    Hash networkId() {
        return networkId;
    }

    Tip tip() {
        return tip;
    }

    void setTip(Tip newTip) {
        tip = newTip;
    }
}
