package org.pycotr.protocol.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 through the JDK, whose implementation uses the CPU's SHA instructions where present. */
public final class Sha256 {
    /**
     * One digest per thread: txids and merkle nodes are hashed on hot paths, and looking a digest
     * up through the provider for each is slower than the hash. Every use completes with a
     * {@code digest()}, which leaves it reset for the next.
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    public static Hash hash(byte[] data) {
        return Hash.wrap(DIGEST.get().digest(data));
    }

    /** SHA-256 of a one-byte prefix followed by data, as RFC 6962 domain separation needs. */
    public static Hash hashWithPrefix(int prefix, byte[] a, byte[] b) {
        MessageDigest d = DIGEST.get();
        d.update((byte) prefix);
        d.update(a);
        if (b != null) {
            d.update(b);
        }
        return Hash.wrap(d.digest());
    }

    public static Hash doubleHash(byte[] data) {
        MessageDigest d = DIGEST.get();
        byte[] first = d.digest(data);
        return Hash.wrap(d.digest(first));
    }
}
