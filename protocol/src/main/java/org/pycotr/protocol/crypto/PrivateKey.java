package org.pycotr.protocol.crypto;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.pycotr.protocol.encoding.Hex;

/**
 * An Ed25519 private key (the 32-byte RFC 8032 seed) with its address. {@link #toString()} never
 * shows the key, so it cannot leak into a log by accident.
 */
public final class PrivateKey {
    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] seed;
    private final byte[] publicKey;
    private final Address address;

    private PrivateKey(byte[] seed) {
        this.seed = seed;
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        this.address = Address.of(publicKey);
    }

    public static PrivateKey generate() {
        byte[] seed = new byte[LENGTH];
        RANDOM.nextBytes(seed);
        return new PrivateKey(seed);
    }

    public static PrivateKey fromSeed(byte[] seed) {
        if (seed.length != LENGTH) {
            throw new IllegalArgumentException("a private key is 32 bytes, got " + seed.length);
        }
        return new PrivateKey(seed.clone());
    }

    public static PrivateKey fromHex(String hex) {
        return new PrivateKey(Hex.decode(hex == null ? null : hex.trim().toLowerCase(java.util.Locale.ROOT), LENGTH, "private key"));
    }

    public Address address() {
        return address;
    }

    public Signature sign(byte[] message) {
        byte[] sig = new byte[Signature.LENGTH];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
        return Signature.of(sig);
    }

    /** The key as hex, for the one place meant to show it (key generation output). */
    public String toHex() {
        return Hex.encode(seed);
    }

    @Override
    public String toString() {
        return "PrivateKey[address=" + address.toHex() + "]";
    }
}
