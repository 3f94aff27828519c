package org.pycotr.protocol.wire;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.pycotr.proto.Envelope;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.tx.Transaction;
import org.pycotr.protocol.tx.Transfer;

/** Conversions between protobuf messages and chain values, validating on the way in. */
public final class Messages {
    private Messages() {}

    public static ByteString bytes(Hash h) {
        return ByteString.copyFrom(h.bytes());
    }

    /** A 32-byte hash field; anything else is malformed. */
    public static Hash hash(ByteString b) {
        if (b.size() != Hash.LENGTH) {
            throw new RuleViolation(RejectReason.MALFORMED, "hash field of " + b.size() + " bytes");
        }
        return Hash.of(b.toByteArray());
    }

    public static List<Hash> hashes(List<ByteString> list) {
        List<Hash> out = new ArrayList<>(list.size());
        for (ByteString b : list) {
            out.add(hash(b));
        }
        return out;
    }

    public static List<ByteString> hashBytes(List<Hash> list) {
        List<ByteString> out = new ArrayList<>(list.size());
        for (Hash h : list) {
            out.add(bytes(h));
        }
        return out;
    }

    public static org.pycotr.proto.Block toProto(Block b) {
        org.pycotr.proto.Block.Builder m = org.pycotr.proto.Block.newBuilder()
                .setHeader(ByteString.copyFrom(b.header().encoded()));
        for (Transaction t : b.transactions()) {
            m.addTransactions(ByteString.copyFrom(t.encoded()));
        }
        return m.build();
    }

    /** Decodes a block message through the canonical block decoder (one validating path). */
    public static Block fromProto(org.pycotr.proto.Block m, int maxBlockBytes) {
        long size = (long) m.getHeader().size() + 4;
        for (ByteString t : m.getTransactionsList()) {
            size += t.size();
        }
        if (size > maxBlockBytes) {
            throw new RuleViolation(RejectReason.BLOCK_TOO_LARGE, size + " bytes");
        }
        byte[] buf = new byte[(int) size];
        int at = 0;
        m.getHeader().copyTo(buf, at);
        at += m.getHeader().size();
        int count = m.getTransactionsCount();
        buf[at++] = (byte) (count >>> 24);
        buf[at++] = (byte) (count >>> 16);
        buf[at++] = (byte) (count >>> 8);
        buf[at++] = (byte) count;
        for (ByteString t : m.getTransactionsList()) {
            t.copyTo(buf, at);
            at += t.size();
        }
        return ChainCodec.decodeBlock(buf, maxBlockBytes);
    }

    public static BlockHeader header(ByteString b) {
        return ChainCodec.decodeHeader(b.toByteArray());
    }

    public static Transfer transfer(ByteString b) {
        return ChainCodec.decodeTransfer(b.toByteArray());
    }

    public static ByteString encoded(Transaction t) {
        return ByteString.copyFrom(t.encoded());
    }

    /** The message's kind, for logs and per-type counters: e.g. {@code INV_TX}. */
    public static String kind(Envelope e) {
        return e.getMessageCase().name();
    }
}
