package org.pycotr.protocol.block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transaction;
import org.pycotr.protocol.tx.Transfer;

/**
 * A block: header, the coinbase, then transfers. Keeping the coinbase in its own field makes
 * "coinbase first and only first" a property of the type; the decoder enforces it on bytes.
 */
public final class Block {
    private final BlockHeader header;
    private final Coinbase coinbase;
    private final List<Transfer> transfers;
    private final Hash hash;
    private final int size;

    private Block(BlockHeader header, Coinbase coinbase, List<Transfer> transfers) {
        this.header = Objects.requireNonNull(header, "header");
        this.coinbase = Objects.requireNonNull(coinbase, "coinbase");
        this.transfers = List.copyOf(transfers);
        this.hash = header.hash();
        this.size = ChainCodec.blockSize(coinbase, this.transfers);
    }

    public static Block of(BlockHeader header, Coinbase coinbase, List<Transfer> transfers) {
        return new Block(header, coinbase, transfers);
    }

    /** The merkle root a header must carry for these transactions. */
    public static Hash merkleRoot(Coinbase coinbase, List<Transfer> transfers) {
        List<Hash> ids = new ArrayList<>(transfers.size() + 1);
        ids.add(coinbase.txid());
        for (Transfer t : transfers) {
            ids.add(t.txid());
        }
        return MerkleTree.root(ids);
    }

    public BlockHeader header() {
        return header;
    }

    public Hash hash() {
        return hash;
    }

    public long height() {
        return header.height();
    }

    public Hash previousHash() {
        return header.previousHash();
    }

    public Coinbase coinbase() {
        return coinbase;
    }

    public List<Transfer> transfers() {
        return transfers;
    }

    /** Coinbase first, then the transfers, in block order. */
    public List<Transaction> transactions() {
        List<Transaction> all = new ArrayList<>(transfers.size() + 1);
        all.add(coinbase);
        all.addAll(transfers);
        return Collections.unmodifiableList(all);
    }

    /** Sum of the transfers' fees; throws {@link ArithmeticException} on overflow, which the block rules reject. */
    public long totalFees() {
        long sum = 0;
        for (Transfer t : transfers) {
            sum = Math.addExact(sum, t.fee());
        }
        return sum;
    }

    /** The encoded size that {@code maxBlockBytes} limits. */
    public int size() {
        return size;
    }

    public byte[] encoded() {
        return ChainCodec.encodeBlock(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && hash.equals(b.hash) && transfers.equals(b.transfers) && coinbase.equals(b.coinbase);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "Block[" + height() + " " + hash.shortHex() + " txs=" + (transfers.size() + 1) + "]";
    }
}
