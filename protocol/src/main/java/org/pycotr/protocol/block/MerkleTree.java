package org.pycotr.protocol.block;

import java.util.ArrayList;
import java.util.List;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.Sha256;

/**
 * RFC 6962-style merkle root over txids: leaves are {@code SHA-256(0x00 || txid)}, inner nodes
 * {@code SHA-256(0x01 || left || right)}, and an odd node is promoted unchanged. Unlike Bitcoin's
 * tree, no leaf is duplicated, so two different transaction lists can never share a root.
 */
public final class MerkleTree {
    private static final int LEAF = 0x00;
    private static final int NODE = 0x01;

    private MerkleTree() {}

    public static Hash root(List<Hash> txids) {
        if (txids.isEmpty()) {
            return Sha256.hash(new byte[0]);
        }
        List<Hash> level = new ArrayList<>(txids.size());
        for (Hash id : txids) {
            level.add(Sha256.hashWithPrefix(LEAF, id.bytes(), null));
        }
        while (level.size() > 1) {
            List<Hash> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size()
                        ? Sha256.hashWithPrefix(NODE, level.get(i).bytes(), level.get(i + 1).bytes())
                        : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }
}
