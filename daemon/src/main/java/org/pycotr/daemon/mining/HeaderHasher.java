package org.pycotr.daemon.mining;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.pycotr.protocol.crypto.Sha256;
import org.pycotr.protocol.encoding.ChainCodec;

/**
 * Hashes one header for many nonces. The first 88 bytes do not change while a miner searches,
 * so their SHA-256 state (the "midstate") is computed once and copied for each nonce; only the
 * last 8 bytes and the second SHA-256 are hashed per try. Not thread-safe: one per mining thread.
 */
public final class HeaderHasher {
    private final MessageDigest prefixState;
    private final MessageDigest second = Sha256.newDigest();
    private final byte[] nonceBytes = new byte[8];
    private final byte[] first = new byte[32];

    public HeaderHasher(byte[] header) {
        if (header.length != ChainCodec.HEADER_BYTES) {
            throw new IllegalArgumentException("header must be " + ChainCodec.HEADER_BYTES + " bytes");
        }
        prefixState = Sha256.newDigest();
        prefixState.update(header, 0, ChainCodec.HEADER_PREFIX_BYTES);
    }

    /** Writes {@code SHA-256(SHA-256(prefix || nonce))} into {@code out} (32 bytes). */
    public void hash(long nonce, byte[] out) {
        for (int i = 0; i < 8; i++) {
            nonceBytes[i] = (byte) (nonce >>> (56 - 8 * i));
        }
        try {
            MessageDigest d = (MessageDigest) prefixState.clone();
            d.update(nonceBytes);
            d.digest(first, 0, 32);
            second.update(first);
            second.digest(out, 0, 32);
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("the JDK's SHA-256 supports clone and digest into a buffer", e);
        }
    }

    /** {@code hash <= target}, both as 32 big-endian bytes. */
    public static boolean meets(byte[] hash, byte[] target) {
        return Arrays.compareUnsigned(hash, target) <= 0;
    }
}
