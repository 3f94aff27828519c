package org.pycotr.protocol.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.BlockRules;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;

/**
 * Builds valid chains on a test genesis in one line: {@code TestChain.withBlocks(10)}, then
 * {@code chain.fork(5).mine(3)} for a competing branch. Timestamps advance by a chosen step
 * (default one target block time), which is how tests make branches lighter or heavier: short
 * steps harden the target, long ones ease it.
 */
public final class TestChain {
    private final ChainParams params;
    private final List<BlockHeader> headers;
    private final List<Block> blocks;
    private Address miner = Keys.MINER.address();
    private long stepMs = TestGenesis.BLOCK_TIME_MS;

    private TestChain(ChainParams params, List<BlockHeader> headers, List<Block> blocks) {
        this.params = params;
        this.headers = headers;
        this.blocks = blocks;
    }

    public static TestChain on(ChainParams params) {
        List<BlockHeader> headers = new ArrayList<>();
        headers.add(params.genesisHeader());
        return new TestChain(params, headers, new ArrayList<>());
    }

    public static TestChain withBlocks(int n) {
        return on(TestGenesis.params()).mine(n);
    }

    public ChainParams params() {
        return params;
    }

    /** A copy of this chain cut back to {@code height}, to grow a competing branch from there. */
    public TestChain fork(long height) {
        TestChain f = new TestChain(params, new ArrayList<>(headers.subList(0, (int) height + 1)),
                new ArrayList<>(blocks.subList(0, (int) height)));
        f.miner = miner;
        f.stepMs = stepMs;
        return f;
    }

    public TestChain minedBy(Address address) {
        this.miner = address;
        return this;
    }

    /** Milliseconds between the timestamps of the next blocks. */
    public TestChain step(long ms) {
        this.stepMs = ms;
        return this;
    }

    /** Mines {@code n} blocks holding only their coinbase. */
    public TestChain mine(int n) {
        for (int i = 0; i < n; i++) {
            append(next(List.of()));
        }
        return this;
    }

    /** Mines one block with these transfers. */
    public TestChain mine(Transfer... transfers) {
        append(next(Arrays.asList(transfers)));
        return this;
    }

    /** Builds, without appending, a valid next block with these transfers. */
    public Block next(List<Transfer> transfers) {
        BlockHeader parent = tipHeader();
        long fees = transfers.stream().mapToLong(Transfer::fee).sum();
        Coinbase cb = Coinbase.create(params.networkId(), miner, BlockRules.coinbaseAmount(params, fees),
                parent.height() + 1);
        return Blocks.mine(new BlockHeader(BlockHeader.CURRENT_VERSION, parent.height() + 1, parent.hash(),
                Block.merkleRoot(cb, transfers), parent.timestamp() + stepMs,
                params.headerRules().nextTarget(recent()), 0), cb, transfers);
    }

    /** Appends a block the caller built (e.g. a deliberately invalid one); it must extend the tip. */
    public TestChain append(Block b) {
        headers.add(b.header());
        blocks.add(b);
        return this;
    }

    /** Headers ending with the tip, as many as the header rules look back. */
    public List<BlockHeader> recent() {
        int n = params.headerRules().lookback();
        return headers.subList(Math.max(0, headers.size() - n), headers.size());
    }

    public BlockHeader tipHeader() {
        return headers.get(headers.size() - 1);
    }

    public long height() {
        return headers.size() - 1;
    }

    /** The block at {@code height} (1-based: genesis has no body). */
    public Block block(long height) {
        return blocks.get((int) height - 1);
    }

    public Block tip() {
        return blocks.get(blocks.size() - 1);
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** Blocks above {@code height}: a branch's own blocks after the fork point. */
    public List<Block> blocksAfter(long height) {
        return List.copyOf(blocks.subList((int) height, blocks.size()));
    }

    public java.math.BigInteger work() {
        java.math.BigInteger w = java.math.BigInteger.ZERO;
        for (BlockHeader h : headers.subList(1, headers.size())) {
            w = w.add(h.target().work());
        }
        return w;
    }
}
