package org.pycotr.daemon.chain;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.Account;
import org.pycotr.protocol.rules.BlockRules;
import org.pycotr.protocol.rules.HeaderRules;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.tx.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's view of the chain: the block tree, the main chain with its account state, and the
 * indexes the API reads. It accepts blocks, follows the branch with the most cumulative work, and
 * reorganises to it with undo records, falling back to the best valid chain if a block on the new
 * branch turns out invalid.
 *
 * <p>Not thread-safe by design: exactly one thread, the chain executor, owns it (see
 * {@code ChainService}); everything else posts work to that thread.
 */
public final class Blockchain {
    private static final Logger log = LoggerFactory.getLogger(Blockchain.class);
    /** Blocks with timestamps too far ahead that we hold for a retry; beyond this they are dropped. */
    static final int MAX_FUTURE_BLOCKS = 16;

    private final ChainParams params;
    private final HeaderRules headerRules;
    private final Clock clock;
    private final Consumer<TipChange> listener;
    private final BlockTree tree;
    private final OrphanPool orphans = new OrphanPool();
    private final Map<Hash, OrphanPool.Orphan> future = new HashMap<>();
    private final List<BlockNode> mainChain = new ArrayList<>();
    private final AccountState state;
    private final Map<Hash, TxLocation> txIndex = new HashMap<>();
    private final Map<Address, Integer> recipients = new HashMap<>();

    public Blockchain(ChainParams params, Clock clock, Consumer<TipChange> listener) {
        this.params = params;
        this.headerRules = params.headerRules();
        this.clock = clock;
        this.listener = listener;
        this.tree = new BlockTree(params);
        this.state = new AccountState(params);
        mainChain.add(tree.genesis());
    }

    // ---- submitting blocks

    /**
     * Takes a block from our miner or a peer. Blocks that were waiting for this one (orphans) are
     * connected too, and listeners hear of the resulting tip change once.
     */
    public BlockResult submit(Block block, String source) {
        BlockNode oldTip = tip();
        List<Block> disconnected = new ArrayList<>();
        List<Block> connected = new ArrayList<>();
        BlockResult result = accept(block, source, disconnected, connected);
        Deque<Hash> parents = new ArrayDeque<>();
        if (tree.contains(block.hash())) {
            parents.add(block.hash());
        }
        while (!parents.isEmpty()) {
            for (OrphanPool.Orphan o : orphans.takeChildren(parents.poll())) {
                accept(o.block(), o.source(), disconnected, connected);
                if (tree.contains(o.block().hash())) {
                    parents.add(o.block().hash());
                }
            }
        }
        notifyTipChange(oldTip, disconnected, connected);
        return result;
    }

    /** Retries held future blocks whose time has come; returns how many were submitted. */
    public int retryFutureBlocks() {
        long limit = clock.millis() + HeaderRules.MAX_FUTURE_MS;
        List<OrphanPool.Orphan> due = future.values().stream()
                .filter(o -> o.block().header().timestamp() <= limit).toList();
        for (OrphanPool.Orphan o : due) {
            future.remove(o.block().hash());
            submit(o.block(), o.source());
        }
        return due.size();
    }

    private BlockResult accept(Block block, String source, List<Block> disconnected, List<Block> connected) {
        Hash hash = block.hash();
        BlockNode known = tree.get(hash);
        if (known != null) {
            return known.isInvalid() ? BlockResult.invalid(hash, known.invalidReason()) : BlockResult.of(BlockResult.Status.DUPLICATE, hash);
        }
        if (orphans.contains(hash) || future.containsKey(hash)) {
            return BlockResult.of(BlockResult.Status.DUPLICATE, hash);
        }
        BlockNode parent;
        try {
            HeaderRules.checkStandalone(block.header(), hash);
            BlockRules.checkBody(block, params);
            parent = tree.get(block.previousHash());
            if (parent == null) {
                orphans.add(block, source);
                log.debug("Orphan block {} at height {} from {}: parent {} unknown", hash.shortHex(), block.height(),
                        source, block.previousHash().shortHex());
                return BlockResult.of(BlockResult.Status.ORPHAN, hash);
            }
            if (BlockTree.invalidAncestor(parent, this::mainChainContains) != null) {
                throw new RuleViolation(RejectReason.INVALID_PARENT, "parent " + parent + " is invalid");
            }
            headerRules.checkContextual(block.header(), BlockTree.recentHeaders(parent, headerRules.lookback()),
                    clock.millis());
        } catch (RuleViolation v) {
            if (v.reason() == RejectReason.TIMESTAMP_TOO_NEW && future.size() < MAX_FUTURE_BLOCKS) {
                future.put(hash, new OrphanPool.Orphan(block, source));
                log.info("Holding block {} at height {} from {}: {}", hash.shortHex(), block.height(), source, v.getMessage());
                return BlockResult.of(BlockResult.Status.FUTURE, hash);
            }
            log.info("Rejected block {} at height {} from {}: {}", hash.shortHex(), block.height(), source, v.getMessage());
            return BlockResult.invalid(hash, v);
        }
        BlockNode node = tree.add(block, parent, source);
        if (!node.beats(tip())) {
            log.debug("Side-branch block {} from {} (tip {} has more work)", node, source, tip());
            return BlockResult.of(BlockResult.Status.SIDE_BRANCH, hash);
        }
        activateBestChain(node, disconnected, connected);
        BlockNode bad = BlockTree.invalidAncestor(node, this::mainChainContains);
        if (bad == node) {
            return BlockResult.invalid(hash, node.invalidReason());
        }
        if (bad != null) {
            return BlockResult.invalid(hash, new RuleViolation(RejectReason.INVALID_PARENT, "ancestor " + bad + " is invalid: "
                    + bad.invalidReason().getMessage()));
        }
        return mainChainContains(node) ? BlockResult.of(BlockResult.Status.CONNECTED, hash)
                : BlockResult.of(BlockResult.Status.SIDE_BRANCH, hash);
    }

    /**
     * Moves the main chain to {@code candidate}: disconnect down to the fork, connect the new
     * branch block by block. If a block fails, it is marked invalid and the most-work chain that is
     * still valid (often the old one) is connected instead.
     */
    private void activateBestChain(BlockNode candidate, List<Block> disconnected, List<Block> connected) {
        while (candidate != null && candidate.beats(tip())) {
            BlockNode fork = BlockTree.findFork(tip(), candidate);
            while (tip() != fork) {
                disconnected.add(disconnectTip());
            }
            List<BlockNode> path = new ArrayList<>();
            for (BlockNode b = candidate; b != fork; b = b.parent()) {
                path.add(0, b);
            }
            candidate = null;
            for (BlockNode b : path) {
                try {
                    connectTip(b);
                    connected.add(b.block());
                } catch (RuleViolation v) {
                    b.markInvalid(v);
                    log.warn("Block {} from {} is invalid: {}; returning to the best valid chain", b, b.source(), v.getMessage());
                    candidate = tree.bestValidTip(this::mainChainContains);
                    break;
                }
            }
        }
    }

    private void connectTip(BlockNode node) {
        Block block = node.block();
        node.setUndo(state.apply(block));
        mainChain.add(node);
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            txIndex.put(txs.get(i).txid(), new TxLocation(node.hash(), node.height(), i));
            recipients.merge(txs.get(i).to(), 1, Integer::sum);
        }
    }

    private Block disconnectTip() {
        BlockNode node = mainChain.remove(mainChain.size() - 1);
        state.undo(node.undo());
        node.setUndo(null);
        for (Transaction t : node.block().transactions()) {
            txIndex.remove(t.txid());
            recipients.computeIfPresent(t.to(), (a, n) -> n == 1 ? null : n - 1);
        }
        return node.block();
    }

    private void notifyTipChange(BlockNode oldTip, List<Block> disconnected, List<Block> connected) {
        // A failed reorg can disconnect and reconnect the same blocks: report only the net change.
        Set<Hash> both = new HashSet<>();
        disconnected.forEach(b -> both.add(b.hash()));
        both.retainAll(connected.stream().map(Block::hash).toList());
        List<Block> off = disconnected.stream().filter(b -> !both.contains(b.hash())).toList();
        List<Block> on = connected.stream().filter(b -> !both.contains(b.hash())).toList();
        if (off.isEmpty() && on.isEmpty()) {
            return;
        }
        TipChange change = new TipChange(off, on, oldTip, tip());
        if (change.isReorg()) {
            log.info("Reorg: depth {}, {} blocks connected, tip {} -> {}", off.size(), on.size(), oldTip, tip());
        }
        for (Block b : on) {
            log.info("Block accepted: height {} hash {} txs {} from {}", b.height(), b.hash().shortHex(),
                    b.transfers().size() + 1, tree.get(b.hash()).source());
        }
        listener.accept(change);
    }

    // ---- reading

    public ChainParams params() {
        return params;
    }

    public BlockNode tip() {
        return mainChain.get(mainChain.size() - 1);
    }

    public long height() {
        return mainChain.size() - 1;
    }

    /** The main-chain block at {@code height}, if the chain is that long. */
    public Optional<BlockNode> atHeight(long height) {
        return height >= 0 && height < mainChain.size() ? Optional.of(mainChain.get((int) height)) : Optional.empty();
    }

    /** Any block we hold, main chain or side branch. */
    public Optional<BlockNode> byHash(Hash hash) {
        return Optional.ofNullable(tree.get(hash));
    }

    public boolean mainChainContains(BlockNode node) {
        return node.height() < mainChain.size() && mainChain.get((int) node.height()) == node;
    }

    public Account account(Address address) {
        return state.get(address);
    }

    public long totalBalance() {
        return state.totalBalance();
    }

    public Optional<TxLocation> findTransaction(Hash txid) {
        return Optional.ofNullable(txIndex.get(txid));
    }

    /** Confirmations of a main-chain block: 1 for the tip. */
    public long confirmations(long height) {
        return height() - height + 1;
    }

    /** Every address that received money in a main-chain transaction, in no particular order. */
    public Set<Address> recipients() {
        return Set.copyOf(recipients.keySet());
    }

    /** The headers a block on top of the tip is judged against, oldest first. */
    public List<BlockHeader> recentHeaders() {
        return BlockTree.recentHeaders(tip(), headerRules.lookback());
    }

    public int orphanCount() {
        return orphans.size();
    }

    public int blockCount() {
        return tree.size();
    }
}
