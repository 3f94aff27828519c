package org.pycotr.protocol.encoding;

import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;

/**
 * Reads fixed-width big-endian fields from untrusted bytes. Every read is bounds-checked and a
 * short input fails with {@link RejectReason#MALFORMED}, so decoders never see half a field.
 */
public final class ByteReader {
    private final byte[] data;
    private int position;
    private final int end;

    public ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ByteReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return end - position;
    }

    private void need(int n, String what) {
        if (n < 0 || end - position < n) {
            throw new RuleViolation(RejectReason.MALFORMED, "truncated: " + what + " needs " + n
                    + " bytes, " + (end - position) + " left");
        }
    }

    public byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = new byte[n];
        System.arraycopy(data, position, out, 0, n);
        position += n;
        return out;
    }

    public int u8(String what) {
        need(1, what);
        return data[position++] & 0xff;
    }

    public int u16(String what) {
        need(2, what);
        int v = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return v;
    }

    /** An unsigned 32-bit value; returned as a long so it cannot turn negative. */
    public long u32(String what) {
        need(4, what);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (data[position++] & 0xff);
        }
        return v;
    }

    /** A raw 64-bit field; callers decide whether the top bit is allowed. */
    public long u64(String what) {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[position++] & 0xff);
        }
        return v;
    }

    public void expectEnd(String what) {
        if (position != end) {
            throw new RuleViolation(RejectReason.MALFORMED, what + " has " + (end - position) + " trailing bytes");
        }
    }
}
