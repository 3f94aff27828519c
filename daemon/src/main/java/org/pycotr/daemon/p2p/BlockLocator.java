package org.pycotr.daemon.p2p;

import java.util.ArrayList;
import java.util.List;
import org.pycotr.daemon.chain.BlockNode;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.wire.WireLimits;

/**
 * Hashes that tell a peer where our chain is: the last ten blocks one by one, then doubling
 * steps back to genesis. Whatever fork the peer is on, one of them is on its chain close to where
 * ours split from it, in O(log height) hashes.
 */
final class BlockLocator {
    private BlockLocator() {}

    static List<Hash> from(BlockNode tip) {
        List<Hash> hashes = new ArrayList<>();
        long step = 1;
        BlockNode node = tip;
        while (node != null && hashes.size() < WireLimits.MAX_LOCATOR - 1) {
            hashes.add(node.hash());
            if (hashes.size() >= 10) {
                step *= 2;
            }
            for (long i = 0; i < step && node != null; i++) {
                node = node.parent();
            }
        }
        BlockNode genesis = tip;
        while (genesis.parent() != null) {
            genesis = genesis.parent();
        }
        if (!hashes.get(hashes.size() - 1).equals(genesis.hash())) {
            hashes.add(genesis.hash());
        }
        return hashes;
    }
}
