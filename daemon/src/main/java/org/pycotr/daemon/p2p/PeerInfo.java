package org.pycotr.daemon.p2p;

import java.math.BigInteger;
import org.pycotr.protocol.crypto.Hash;

/**
 * What a peer told us in its Hello, validated.
 *
 * @param nodeId random id of the peer's process, hex
 * @param listenAddress where it accepts peers ({@code null} if it does not)
 */
public record PeerInfo(String nodeId, int version, String userAgent, PeerAddress listenAddress, String httpUrl,
        long bestHeight, Hash bestHash, BigInteger totalWork) {}
