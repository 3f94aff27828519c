package org.pycotr.protocol.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.pycotr.protocol.encoding.Hex;

/** A 32-byte SHA-256 output: txids, block hashes, merkle nodes, network ids. Immutable. */
public final class Hash implements Comparable<Hash> {
    public static final int LENGTH = 32;
    public static final Hash ZERO = new Hash(new byte[LENGTH]);

    private final byte[] bytes;
    private final int hashCode;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
        this.hashCode = Arrays.hashCode(bytes);
    }

    /** Wraps a copy of exactly 32 bytes. */
    public static Hash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /** Takes ownership of a freshly computed digest; callers must not touch the array again. */
    static Hash wrap(byte[] digest) {
        return new Hash(digest);
    }

    public static Hash fromHex(String hex) {
        return new Hash(Hex.decode(hex, LENGTH, "hash"));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Writes the 32 bytes into {@code out} without copying through a new array. */
    public void copyTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, LENGTH);
    }

    /** The hash read as an unsigned big-endian 256-bit number, as proof of work compares it. */
    public BigInteger toBigInteger() {
        return new BigInteger(1, bytes);
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    /** First 8 bytes of hex: enough to tell blocks apart in a log line. */
    public String shortHex() {
        return toHex().substring(0, 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public int compareTo(Hash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
