package org.pycotr.protocol.tx;

import java.util.Objects;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.Sha256;
import org.pycotr.protocol.encoding.ChainCodec;

/**
 * The first transaction of every block: pays the block reward plus the block's fees to the miner.
 * It has no sender and no signature; its nonce is the block height, which makes every coinbase,
 * and so every block's merkle root, unique.
 */
public final class Coinbase implements Transaction {
    private final Hash network;
    private final Address to;
    private final long amount;
    private final long height;
    private final String memo;
    private final byte[] encoded;
    private final Hash txid;

    private Coinbase(Hash network, Address to, long amount, long height, String memo) {
        this.network = Objects.requireNonNull(network, "network");
        this.to = Objects.requireNonNull(to, "to");
        this.amount = TransferFields.checkAmount(amount, "amount");
        this.height = TransferFields.checkAmount(height, "height");
        this.memo = TransferFields.checkMemo(memo);
        this.encoded = ChainCodec.coinbaseBytes(this);
        this.txid = Sha256.hash(encoded);
    }

    public static Coinbase create(Hash network, Address to, long amount, long height, String memo) {
        return new Coinbase(network, to, amount, height, memo);
    }

    public static Coinbase create(Hash network, Address to, long amount, long height) {
        return new Coinbase(network, to, amount, height, "");
    }

    @Override
    public Hash txid() {
        return txid;
    }

    @Override
    public Hash network() {
        return network;
    }

    @Override
    public Address to() {
        return to;
    }

    @Override
    public long amount() {
        return amount;
    }

    /** The block height this coinbase belongs to. */
    @Override
    public long nonce() {
        return height;
    }

    public long height() {
        return height;
    }

    @Override
    public String memo() {
        return memo;
    }

    @Override
    public byte[] signingBytes() {
        return encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public int size() {
        return encoded.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coinbase c && txid.equals(c.txid);
    }

    @Override
    public int hashCode() {
        return txid.hashCode();
    }

    @Override
    public String toString() {
        return "Coinbase[" + txid.shortHex() + " " + amount + " to " + to.toHex().substring(0, 8) + " at " + height + "]";
    }
}
