package org.pycotr.daemon.chain;

import java.math.BigInteger;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.rules.RuleViolation;

/**
 * One block in the {@link BlockTree}: its header, body, parent and the cumulative work of the chain
 * ending here. Mutable only by its owner, the chain thread: validity is learned when the block is
 * connected, and the undo record exists while it is on the main chain.
 */
public final class BlockNode {
    private final Hash hash;
    private final BlockHeader header;
    private final Block block;
    private final BlockNode parent;
    private final BigInteger chainWork;
    private final long sequence;
    private final String source;
    private RuleViolation invalidReason;
    private UndoRecord undo;

    BlockNode(Hash hash, BlockHeader header, Block block, BlockNode parent, long sequence, String source) {
        this.hash = hash;
        this.header = header;
        this.block = block;
        this.parent = parent;
        this.chainWork = (parent == null ? BigInteger.ZERO : parent.chainWork).add(header.target().work());
        this.sequence = sequence;
        this.source = source;
    }

    public Hash hash() {
        return hash;
    }

    public BlockHeader header() {
        return header;
    }

    public long height() {
        return header.height();
    }

    /** The block body; {@code null} only for genesis, which has no transactions. */
    public Block block() {
        return block;
    }

    public BlockNode parent() {
        return parent;
    }

    /** Total expected hashes of the chain from genesis to here: what fork choice compares. */
    public BigInteger chainWork() {
        return chainWork;
    }

    /** Arrival order: among equal work, the first seen wins. */
    public long sequence() {
        return sequence;
    }

    /** Who gave us the block: {@code "local"} for our miner, else a peer's name. */
    public String source() {
        return source;
    }

    public boolean isInvalid() {
        return invalidReason != null;
    }

    public RuleViolation invalidReason() {
        return invalidReason;
    }

    void markInvalid(RuleViolation reason) {
        this.invalidReason = reason;
    }

    UndoRecord undo() {
        return undo;
    }

    void setUndo(UndoRecord undo) {
        this.undo = undo;
    }

    /** Whether this chain has more work than {@code other}'s; ties keep the first seen. */
    public boolean beats(BlockNode other) {
        int c = chainWork.compareTo(other.chainWork);
        return c > 0 || (c == 0 && sequence < other.sequence);
    }

    @Override
    public String toString() {
        return height() + "/" + hash.shortHex();
    }
}
