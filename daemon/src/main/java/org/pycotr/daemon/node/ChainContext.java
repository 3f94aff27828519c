package org.pycotr.daemon.node;

import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.mining.MiningJob;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.tx.Transfer;

/**
 * Direct, synchronous access to chain and mempool for code that already runs on the chain thread
 * (relay and sync logic posted there with {@link ChainService#execute}). Never hand it to another thread.
 */
public interface ChainContext {
    ChainView view();

    BlockResult submitBlock(Block block, String source);

    /** @throws org.pycotr.protocol.rules.RuleViolation when the mempool refuses it */
    Transfer submitTransaction(Transfer tx, String source);

    /** The block our miner would mine now on the tip, paying {@code rewardTo}. */
    MiningJob blockTemplate(Address rewardTo);

    /** Milliseconds now, from the node's clock. */
    long now();
}
