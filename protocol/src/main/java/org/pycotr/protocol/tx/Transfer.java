package org.pycotr.protocol.tx;

import java.util.Objects;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Ed25519Verifier;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.crypto.Sha256;
import org.pycotr.protocol.crypto.Signature;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;

/**
 * A signed payment from one account to another. The factory checks structure (ranges, memo
 * length, amount + fee not overflowing); whether the signature verifies and the sender can pay are
 * rules checked later, by {@code TransactionRules}.
 */
public final class Transfer implements Transaction {
    private final Hash network;
    private final Address from;
    private final Address to;
    private final long amount;
    private final long fee;
    private final long nonce;
    private final String memo;
    private final Signature signature;
    private final byte[] signingBytes;
    private final Hash txid;
    private volatile Boolean signatureValid;

    private Transfer(Hash network, Address from, Address to, long amount, long fee, long nonce, String memo,
            Signature signature) {
        this.network = Objects.requireNonNull(network, "network");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.amount = TransferFields.checkAmount(amount, "amount");
        this.fee = TransferFields.checkAmount(fee, "fee");
        this.nonce = nonce;
        this.memo = TransferFields.checkMemo(memo);
        this.signature = Objects.requireNonNull(signature, "signature");
        try {
            Math.addExact(amount, fee);
        } catch (ArithmeticException e) {
            throw new RuleViolation(RejectReason.AMOUNT_OUT_OF_RANGE, "amount + fee overflows");
        }
        this.signingBytes = ChainCodec.transferSigningBytes(network, from, to, amount, fee, nonce, this.memo);
        this.txid = Sha256.hash(signingBytes);
    }

    /** Builds a transfer around a signature made elsewhere (a client, a peer); nothing is verified yet. */
    public static Transfer of(Hash network, Address from, Address to, long amount, long fee, long nonce, String memo,
            Signature signature) {
        return new Transfer(network, from, to, amount, fee, nonce, memo, signature);
    }

    /** Signs a new transfer from {@code key}'s address. */
    public static Transfer sign(PrivateKey key, Hash network, Address to, long amount, long fee, long nonce,
            String memo) {
        byte[] bytes = ChainCodec.transferSigningBytes(network, key.address(), to, amount, fee, nonce,
                TransferFields.checkMemo(memo));
        return new Transfer(network, key.address(), to, amount, fee, nonce, memo, key.sign(bytes));
    }

    /** Verifies the signature once and remembers the answer: the value never changes. */
    public boolean hasValidSignature() {
        Boolean valid = signatureValid;
        if (valid == null) {
            valid = Ed25519Verifier.verify(from, signingBytes, signature);
            signatureValid = valid;
        }
        return valid;
    }

    @Override
    public Hash txid() {
        return txid;
    }

    @Override
    public Hash network() {
        return network;
    }

    public Address from() {
        return from;
    }

    @Override
    public Address to() {
        return to;
    }

    @Override
    public long amount() {
        return amount;
    }

    public long fee() {
        return fee;
    }

    /** Amount plus fee: what the sender's balance must cover. Cannot overflow (checked at creation). */
    public long cost() {
        return amount + fee;
    }

    @Override
    public long nonce() {
        return nonce;
    }

    @Override
    public String memo() {
        return memo;
    }

    public Signature signature() {
        return signature;
    }

    @Override
    public byte[] signingBytes() {
        return signingBytes.clone();
    }

    @Override
    public byte[] encoded() {
        return ChainCodec.encodeTransfer(this);
    }

    @Override
    public int size() {
        return signingBytes.length + Signature.LENGTH;
    }

    /** Two transfers are equal when their txid and signature are: the same payment, byte for byte. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Transfer t && txid.equals(t.txid) && signature.equals(t.signature);
    }

    @Override
    public int hashCode() {
        return txid.hashCode();
    }

    @Override
    public String toString() {
        return "Transfer[" + txid.shortHex() + " " + amount + "+" + fee + " from " + from.toHex().substring(0, 8)
                + " nonce " + nonce + " to " + to.toHex().substring(0, 8) + "]";
    }
}
