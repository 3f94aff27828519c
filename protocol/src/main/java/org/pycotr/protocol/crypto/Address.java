package org.pycotr.protocol.crypto;

import java.util.Arrays;
import org.pycotr.protocol.encoding.Hex;

/**
 * An account address: the 32-byte Ed25519 public key, written as 64 lowercase hex characters.
 * Whether the bytes are a valid curve point is checked where it matters, when a signature made by
 * this key is verified.
 */
public final class Address implements Comparable<Address> {
    public static final int LENGTH = 32;
    /** The coinbase's "sender" in legacy views: 64 zeros, never a real key. */
    public static final Address NONE = new Address(new byte[LENGTH]);

    private final byte[] bytes;
    private final int hashCode;

    private Address(byte[] bytes) {
        this.bytes = bytes;
        this.hashCode = Arrays.hashCode(bytes);
    }

    public static Address of(byte[] publicKey) {
        if (publicKey.length != LENGTH) {
            throw new IllegalArgumentException("an address is a 32-byte public key, got " + publicKey.length + " bytes");
        }
        return new Address(publicKey.clone());
    }

    /** Parses user input; the message says what is wrong (length, non-hex character). */
    public static Address fromHex(String hex) {
        return new Address(Hex.decode(hex == null ? null : hex.trim().toLowerCase(java.util.Locale.ROOT), LENGTH, "address"));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    public void copyTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, LENGTH);
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
