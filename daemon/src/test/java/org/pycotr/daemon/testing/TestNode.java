package org.pycotr.daemon.testing;

import java.util.ArrayList;
import java.util.List;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.chain.Blockchain;
import org.pycotr.daemon.chain.TipChange;
import org.pycotr.daemon.mempool.Mempool;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.mining.BlockAssembler;
import org.pycotr.daemon.mining.MiningJob;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Blocks;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.tx.Transfer;

/**
 * A single-threaded node for deterministic tests: chain and mempool wired as ChainService wires
 * them, a manual clock, and a one-call {@link #mineBlock()} that builds the template the real miner
 * would mine.
 */
public final class TestNode {
    public final ChainParams params;
    public final ManualClock clock;
    public final Blockchain chain;
    public final Mempool mempool;
    public final List<TipChange> changes = new ArrayList<>();

    public TestNode(ChainParams params, MempoolLimits limits) {
        this.params = params;
        this.clock = new ManualClock(TestGenesis.TIMESTAMP + 365L * 24 * 3600 * 1000);
        this.chain = new Blockchain(params, clock, this::onTipChanged);
        this.mempool = new Mempool(params, limits, chain::account, clock);
    }

    public TestNode() {
        this(TestGenesis.params(), MempoolLimits.DEFAULT);
    }

    private void onTipChanged(TipChange change) {
        changes.add(change);
        mempool.onTipChanged(change);
    }

    public BlockResult submit(Block b) {
        return chain.submit(b, "test");
    }

    /** Submits every block of a test chain in order; returns the last result. */
    public BlockResult submitAll(List<Block> blocks) {
        BlockResult last = null;
        for (Block b : blocks) {
            last = submit(b);
        }
        return last;
    }

    public BlockResult submitAll(TestChain chain) {
        return submitAll(chain.blocks());
    }

    public void add(Transfer... txs) {
        for (Transfer t : txs) {
            mempool.add(t);
        }
    }

    /** Mines the mempool's template on the tip, as the miner would, and submits it. */
    public Block mineBlock() {
        MiningJob job = BlockAssembler.assemble(chain, mempool, org.pycotr.protocol.testing.Keys.MINER.address(), 0);
        long timestamp = Math.max(job.minTimestamp(), chain.tip().header().timestamp() + params.targetBlockTimeMs());
        Block b = Blocks.mine(new org.pycotr.protocol.block.BlockHeader(job.template().version(), job.template().height(),
                job.template().previousHash(), job.template().merkleRoot(), timestamp, job.template().target(), 0),
                job.coinbase(), job.transfers());
        BlockResult r = submit(b);
        if (r.status() != BlockResult.Status.CONNECTED) {
            throw new AssertionError("own block not connected: " + r);
        }
        return b;
    }

    public long balance(Address a) {
        return chain.account(a).balance();
    }
}
