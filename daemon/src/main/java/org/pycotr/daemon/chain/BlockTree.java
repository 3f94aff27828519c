package org.pycotr.daemon.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.params.ChainParams;

/**
 * Every block we hold whose ancestry reaches genesis, main chain and side branches alike, linked to
 * their parents. Pure bookkeeping: which chain is best, and connecting it, is {@link Blockchain}'s job.
 *
 * <pre>
 *   genesis ─ 1 ─ 2 ─ 3 ─ 4        main chain (tip 4)
 *                  └─ 3' ─ 4' ─ 5'  side branch: becomes main if its work exceeds the tip's
 * </pre>
 */
public final class BlockTree {
    private final Map<Hash, BlockNode> nodes = new HashMap<>();
    private final BlockNode genesis;
    private long nextSequence;

    public BlockTree(ChainParams params) {
        BlockHeader header = params.genesisHeader();
        genesis = new BlockNode(params.networkId(), header, null, null, nextSequence++, "genesis");
        nodes.put(genesis.hash(), genesis);
    }

    public BlockNode genesis() {
        return genesis;
    }

    public BlockNode get(Hash hash) {
        return nodes.get(hash);
    }

    public boolean contains(Hash hash) {
        return nodes.containsKey(hash);
    }

    public int size() {
        return nodes.size();
    }

    BlockNode add(Block block, BlockNode parent, String source) {
        BlockNode node = new BlockNode(block.hash(), block.header(), block, parent, nextSequence++, source);
        nodes.put(node.hash(), node);
        return node;
    }

    /** Up to {@code n} consecutive headers ending with {@code last}, oldest first. */
    public static List<BlockHeader> recentHeaders(BlockNode last, int n) {
        List<BlockHeader> headers = new ArrayList<>(n);
        for (BlockNode b = last; b != null && headers.size() < n; b = b.parent()) {
            headers.add(b.header());
        }
        Collections.reverse(headers);
        return headers;
    }

    /** The last block two chains share. */
    public static BlockNode findFork(BlockNode a, BlockNode b) {
        while (a.height() > b.height()) {
            a = a.parent();
        }
        while (b.height() > a.height()) {
            b = b.parent();
        }
        while (a != b) {
            a = a.parent();
            b = b.parent();
        }
        return a;
    }

    /**
     * The nearest of {@code node} and its ancestors known to be invalid, or {@code null}. The walk
     * stops at the first block {@code knownValid} vouches for (the main chain), so extending the tip
     * costs one step, not one per block back to genesis.
     */
    static BlockNode invalidAncestor(BlockNode node, Predicate<BlockNode> knownValid) {
        for (BlockNode b = node; b != null && !knownValid.test(b); b = b.parent()) {
            if (b.isInvalid()) {
                return b;
            }
        }
        return null;
    }

    /**
     * The block ending the most-work chain not known to be invalid. Scans the whole tree, so it is
     * used only after a reorg failed, not on the normal path.
     */
    BlockNode bestValidTip(Predicate<BlockNode> knownValid) {
        BlockNode best = genesis;
        for (BlockNode n : nodes.values()) {
            if (n.beats(best) && invalidAncestor(n, knownValid) == null) {
                best = n;
            }
        }
        return best;
    }
}
