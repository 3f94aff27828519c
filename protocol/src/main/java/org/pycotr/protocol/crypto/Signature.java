package org.pycotr.protocol.crypto;

import java.util.Arrays;
import org.pycotr.protocol.encoding.Hex;

/** A 64-byte Ed25519 signature (R || S). Only its length is checked here; {@link Ed25519} verifies. */
public final class Signature {
    public static final int LENGTH = 64;

    private final byte[] bytes;

    private Signature(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Signature of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a signature is 64 bytes, got " + bytes.length);
        }
        return new Signature(bytes.clone());
    }

    public static Signature fromHex(String hex) {
        return new Signature(Hex.decode(hex, LENGTH, "signature"));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
