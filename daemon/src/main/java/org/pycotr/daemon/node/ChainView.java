package org.pycotr.daemon.node;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pycotr.daemon.chain.BlockNode;
import org.pycotr.daemon.chain.Blockchain;
import org.pycotr.daemon.chain.TxLocation;
import org.pycotr.daemon.mempool.Mempool;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.Account;
import org.pycotr.protocol.tx.Transfer;

/** Read-only access to chain and mempool for queries run on the chain thread by {@link ChainService#read}. */
public final class ChainView {
    private final Blockchain chain;
    private final Mempool mempool;

    ChainView(Blockchain chain, Mempool mempool) {
        this.chain = chain;
        this.mempool = mempool;
    }

    public ChainParams params() {
        return chain.params();
    }

    public BlockNode tip() {
        return chain.tip();
    }

    public long height() {
        return chain.height();
    }

    public Optional<BlockNode> atHeight(long height) {
        return chain.atHeight(height);
    }

    public Optional<BlockNode> byHash(Hash hash) {
        return chain.byHash(hash);
    }

    public boolean onMainChain(BlockNode node) {
        return chain.mainChainContains(node);
    }

    public Account account(Address address) {
        return chain.account(address);
    }

    public long totalBalance() {
        return chain.totalBalance();
    }

    public Optional<TxLocation> findTransaction(Hash txid) {
        return chain.findTransaction(txid);
    }

    public long confirmations(long height) {
        return chain.confirmations(height);
    }

    public Set<Address> recipients() {
        return chain.recipients();
    }

    public List<Transfer> pendingTransactions() {
        return mempool.transactions();
    }

    public Optional<Transfer> pendingTransaction(Hash txid) {
        return mempool.get(txid);
    }

    public long nextNonce(Address sender) {
        return mempool.nextNonce(sender);
    }

    public long pendingCost(Address sender) {
        return mempool.pendingCost(sender);
    }

    public int mempoolSize() {
        return mempool.size();
    }

    public long mempoolBytes() {
        return mempool.bytes();
    }

    public int orphanCount() {
        return chain.orphanCount();
    }
}
