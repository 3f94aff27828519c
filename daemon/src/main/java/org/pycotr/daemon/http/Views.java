package org.pycotr.daemon.http;

import java.util.List;
import org.pycotr.daemon.chain.BlockNode;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transaction;
import org.pycotr.protocol.tx.Transfer;

/** The /v1 JSON shapes of chain objects. Hashes and keys are lowercase hex; amounts are integers. */
final class Views {
    private Views() {}

    record TxView(String txid, String kind, String from, String to, long amount, long fee, long nonce, String memo,
            String signature, int size) {}

    record BlockView(String hash, long height, String previousHash, String merkleRoot, long timestamp, String target,
            long nonce, int size, long confirmations, boolean mainChain, String source, List<TxView> transactions) {}

    static TxView tx(Transaction t) {
        if (t instanceof Transfer x) {
            return new TxView(x.txid().toHex(), "transfer", x.from().toHex(), x.to().toHex(), x.amount(), x.fee(),
                    x.nonce(), x.memo(), x.signature().toHex(), x.size());
        }
        Coinbase c = (Coinbase) t;
        return new TxView(c.txid().toHex(), "coinbase", null, c.to().toHex(), c.amount(), 0, c.height(), c.memo(), null,
                c.size());
    }

    static BlockView block(BlockNode node, long confirmations, boolean mainChain) {
        BlockHeader h = node.header();
        Block b = node.block();
        List<TxView> txs = b == null ? List.of() : b.transactions().stream().map(Views::tx).toList();
        return new BlockView(node.hash().toHex(), h.height(), h.previousHash().toHex(), h.merkleRoot().toHex(),
                h.timestamp(), h.target().toHex(), h.nonce(), b == null ? org.pycotr.protocol.encoding.ChainCodec.HEADER_BYTES
                : b.size(), confirmations, mainChain, node.source(), txs);
    }
}
