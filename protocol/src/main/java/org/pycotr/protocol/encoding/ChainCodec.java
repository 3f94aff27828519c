package org.pycotr.protocol.encoding;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.Signature;
import org.pycotr.protocol.pow.CompactTarget;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transaction;
import org.pycotr.protocol.tx.Transfer;

/**
 * The canonical binary encodings of transactions, headers and blocks (layout tables in
 * {@code proto/README.md}). Decoding is the boundary where untrusted bytes become values: every
 * length is bounded before allocation, and any defect is a {@link RuleViolation}.
 */
public final class ChainCodec {
    /** Domain tag in front of every transaction, so its bytes can never be mistaken for another message's. */
    static final byte[] TX_TAG = "pycotr/tx/v1".getBytes(StandardCharsets.US_ASCII);
    static final int KIND_COINBASE = 0;
    static final int KIND_TRANSFER = 1;
    /** Signing bytes without the memo: tag, kind, network, from, to, amount, fee, nonce, memo length. */
    public static final int TX_FIXED_BYTES = TX_TAG.length + 1 + 32 * 3 + 8 * 3 + 2;
    public static final int HEADER_BYTES = 96;
    /** Bytes before the nonce: constant while a miner searches, so their SHA-256 state is reused. */
    public static final int HEADER_PREFIX_BYTES = 88;
    private static final int SMALLEST_TX = TX_FIXED_BYTES;
    /** The most a block spends outside its transfers: header, count and the largest coinbase. */
    public static final int BLOCK_OVERHEAD_BYTES = HEADER_BYTES + 4 + TX_FIXED_BYTES + Transaction.MAX_MEMO_BYTES;

    private ChainCodec() {}

    // ---- transactions

    public static byte[] transferSigningBytes(Hash network, Address from, Address to, long amount, long fee,
            long nonce, String memo) {
        return txBytes(KIND_TRANSFER, network, from, to, amount, fee, nonce, memo);
    }

    public static byte[] coinbaseBytes(Coinbase c) {
        return txBytes(KIND_COINBASE, c.network(), Address.NONE, c.to(), c.amount(), 0, c.height(), c.memo());
    }

    private static byte[] txBytes(int kind, Hash network, Address from, Address to, long amount, long fee,
            long nonce, String memo) {
        byte[] memoBytes = memo.getBytes(StandardCharsets.UTF_8);
        ByteWriter w = new ByteWriter(TX_FIXED_BYTES + memoBytes.length);
        w.bytes(TX_TAG).u8(kind).bytes(network.bytes()).bytes(from.bytes()).bytes(to.bytes())
                .u64(amount).u64(fee).u64(nonce).u16(memoBytes.length).bytes(memoBytes);
        return w.toByteArray();
    }

    public static byte[] encodeTransfer(Transfer t) {
        return new ByteWriter(t.size()).bytes(t.signingBytes()).bytes(t.signature().bytes()).toByteArray();
    }

    /** Decodes exactly one transaction filling {@code data}. */
    public static Transaction decodeTransaction(byte[] data) {
        ByteReader r = new ByteReader(data);
        Transaction t = readTransaction(r);
        r.expectEnd("transaction");
        return t;
    }

    /** Decodes a transfer, rejecting a coinbase (which only a block may carry). */
    public static Transfer decodeTransfer(byte[] data) {
        if (decodeTransaction(data) instanceof Transfer t) {
            return t;
        }
        throw new RuleViolation(RejectReason.COINBASE_MISPLACED, "a coinbase cannot travel outside a block");
    }

    static Transaction readTransaction(ByteReader r) {
        byte[] tag = r.bytes(TX_TAG.length, "transaction tag");
        if (!java.util.Arrays.equals(tag, TX_TAG)) {
            throw new RuleViolation(RejectReason.MALFORMED, "not a pycotr/tx/v1 transaction");
        }
        int kind = r.u8("kind");
        if (kind != KIND_COINBASE && kind != KIND_TRANSFER) {
            throw new RuleViolation(RejectReason.MALFORMED, "unknown transaction kind " + kind);
        }
        Hash network = Hash.of(r.bytes(32, "network"));
        Address from = Address.of(r.bytes(32, "from"));
        Address to = Address.of(r.bytes(32, "to"));
        long amount = r.u64("amount");
        long fee = r.u64("fee");
        long nonce = r.u64("nonce");
        int memoLength = r.u16("memo length");
        if (memoLength > Transaction.MAX_MEMO_BYTES) {
            throw new RuleViolation(RejectReason.MEMO_TOO_LONG, "memo is " + memoLength + " bytes");
        }
        String memo = utf8(r.bytes(memoLength, "memo"));
        if (kind == KIND_COINBASE) {
            if (!from.equals(Address.NONE) || fee != 0) {
                throw new RuleViolation(RejectReason.MALFORMED, "a coinbase has no sender and no fee");
            }
            return Coinbase.create(network, to, amount, nonce, memo);
        }
        Signature signature = Signature.of(r.bytes(Signature.LENGTH, "signature"));
        return Transfer.of(network, from, to, amount, fee, nonce, memo, signature);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleViolation(RejectReason.MALFORMED, "memo is not valid UTF-8");
        }
    }

    // ---- headers

    public static byte[] encodeHeader(BlockHeader h) {
        return new ByteWriter(HEADER_BYTES).u32(h.version()).u64(h.height()).bytes(h.previousHash().bytes())
                .bytes(h.merkleRoot().bytes()).u64(h.timestamp()).u32(h.target().bits() & 0xffffffffL)
                .u64(h.nonce()).toByteArray();
    }

    public static BlockHeader decodeHeader(byte[] data) {
        ByteReader r = new ByteReader(data);
        BlockHeader h = readHeader(r);
        r.expectEnd("header");
        return h;
    }

    static BlockHeader readHeader(ByteReader r) {
        long version = r.u32("version");
        long height = r.u64("height");
        Hash previous = Hash.of(r.bytes(32, "previous hash"));
        Hash merkle = Hash.of(r.bytes(32, "merkle root"));
        long timestamp = r.u64("timestamp");
        CompactTarget target = new CompactTarget((int) r.u32("target"));
        long nonce = r.u64("nonce");
        if (height < 0 || timestamp < 0) {
            throw new RuleViolation(RejectReason.MALFORMED, "height and timestamp must be below 2^63");
        }
        return new BlockHeader((int) version, height, previous, merkle, timestamp, target, nonce);
    }

    // ---- blocks

    public static int blockSize(Coinbase coinbase, List<Transfer> transfers) {
        int size = HEADER_BYTES + 4 + coinbase.size();
        for (Transfer t : transfers) {
            size += t.size();
        }
        return size;
    }

    public static byte[] encodeBlock(Block b) {
        ByteWriter w = new ByteWriter(b.size());
        w.bytes(b.header().encoded()).u32(b.transfers().size() + 1L).bytes(b.coinbase().encoded());
        for (Transfer t : b.transfers()) {
            w.bytes(t.encoded());
        }
        return w.toByteArray();
    }

    /**
     * Decodes a block. {@code maxBlockBytes} is checked before anything is parsed, and the
     * transaction count is checked against what the remaining bytes could hold, so a hostile count
     * cannot make us allocate.
     */
    public static Block decodeBlock(byte[] data, int maxBlockBytes) {
        if (data.length > maxBlockBytes) {
            throw new RuleViolation(RejectReason.BLOCK_TOO_LARGE, data.length + " bytes, limit " + maxBlockBytes);
        }
        ByteReader r = new ByteReader(data);
        BlockHeader header = readHeader(r);
        long count = r.u32("transaction count");
        if (count == 0) {
            throw new RuleViolation(RejectReason.COINBASE_MISSING, "block has no transactions");
        }
        if (count > r.remaining() / SMALLEST_TX) {
            throw new RuleViolation(RejectReason.MALFORMED, "transaction count " + count + " exceeds what "
                    + r.remaining() + " bytes can hold");
        }
        Transaction first = readTransaction(r);
        if (!(first instanceof Coinbase coinbase)) {
            throw new RuleViolation(RejectReason.COINBASE_MISSING);
        }
        List<Transfer> transfers = new ArrayList<>((int) count - 1);
        for (long i = 1; i < count; i++) {
            Transaction t = readTransaction(r);
            if (!(t instanceof Transfer transfer)) {
                throw new RuleViolation(RejectReason.COINBASE_MISPLACED, "coinbase at position " + i);
            }
            transfers.add(transfer);
        }
        r.expectEnd("block");
        return Block.of(header, coinbase, transfers);
    }
}
