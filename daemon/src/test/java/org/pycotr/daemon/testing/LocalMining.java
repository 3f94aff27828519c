package org.pycotr.daemon.testing;

import java.util.concurrent.CompletableFuture;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.mining.MiningJob;
import org.pycotr.daemon.node.ChainContext;
import org.pycotr.daemon.node.ChainService;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.testing.Blocks;

/** Mines exactly one block on a node, from its own template, as its miner would; deterministic for tests. */
public final class LocalMining {
    private LocalMining() {}

    public static Block mineOne(ChainService chain, Address rewardTo) {
        CompletableFuture<Block> done = new CompletableFuture<>();
        chain.execute(c -> {
            try {
                done.complete(mineOn(c, rewardTo));
            } catch (RuntimeException | AssertionError e) {
                done.completeExceptionally(e);
            }
        });
        return done.join();
    }

    private static Block mineOn(ChainContext c, Address rewardTo) {
        MiningJob job = c.blockTemplate(rewardTo);
        BlockHeader t = job.template();
        long time = Math.max(job.minTimestamp(), c.now());
        Block b = Blocks.mine(new BlockHeader(t.version(), t.height(), t.previousHash(), t.merkleRoot(), time, t.target(), 0),
                job.coinbase(), job.transfers());
        BlockResult r = c.submitBlock(b, ChainService.LOCAL);
        if (r.status() != BlockResult.Status.CONNECTED) {
            throw new AssertionError("own block not connected: " + r);
        }
        return b;
    }
}
