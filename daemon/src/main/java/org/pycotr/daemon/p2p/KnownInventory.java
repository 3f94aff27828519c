package org.pycotr.daemon.p2p;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pycotr.protocol.crypto.Hash;

/**
 * Ids a peer is known to have (it sent or announced them, or we sent them), so nothing is sent to
 * it twice. Bounded, forgetting the oldest: forgetting only costs a redundant announcement.
 * Confined to the peer's event loop.
 */
final class KnownInventory {
    private final Map<Hash, Boolean> ids;

    KnownInventory(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records {@code id}; returns whether it was new. */
    boolean add(Hash id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    boolean contains(Hash id) {
        return ids.containsKey(id);
    }
}
