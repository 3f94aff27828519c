package org.pycotr.daemon.chain;

import java.util.List;
import org.pycotr.protocol.block.Block;

/**
 * How the main chain moved: blocks taken off (newest first) and blocks put on (oldest first). A
 * plain extension has nothing disconnected; a reorg has both. Listeners (mempool, miner, relay)
 * get one change per submission, however many steps the chain took to get there.
 */
public record TipChange(List<Block> disconnected, List<Block> connected, BlockNode oldTip, BlockNode newTip) {
    public TipChange {
        disconnected = List.copyOf(disconnected);
        connected = List.copyOf(connected);
    }

    public boolean isReorg() {
        return !disconnected.isEmpty();
    }
}
