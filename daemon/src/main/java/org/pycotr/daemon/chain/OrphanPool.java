package org.pycotr.daemon.chain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.crypto.Hash;

/**
 * Blocks whose parent we do not have yet, kept so they connect as soon as it arrives. Bounded:
 * anyone can make orphans for free (any valid-looking block on an unknown parent), so the oldest is
 * dropped when full, and sync will fetch what matters again.
 */
final class OrphanPool {
    /** At 1 MiB blocks this caps orphans at 64 MiB; btcd keeps 100, but our blocks can be larger. */
    static final int MAX_ORPHANS = 64;

    record Orphan(Block block, String source) {}

    private final Map<Hash, Orphan> byHash = new LinkedHashMap<>();

    boolean contains(Hash hash) {
        return byHash.containsKey(hash);
    }

    void add(Block block, String source) {
        if (byHash.size() >= MAX_ORPHANS) {
            Iterator<Hash> oldest = byHash.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byHash.put(block.hash(), new Orphan(block, source));
    }

    /** Removes and returns the orphans whose parent is {@code parent}. */
    List<Orphan> takeChildren(Hash parent) {
        List<Orphan> children = new ArrayList<>();
        for (Iterator<Orphan> it = byHash.values().iterator(); it.hasNext(); ) {
            Orphan o = it.next();
            if (o.block().previousHash().equals(parent)) {
                children.add(o);
                it.remove();
            }
        }
        return children;
    }

    int size() {
        return byHash.size();
    }
}
