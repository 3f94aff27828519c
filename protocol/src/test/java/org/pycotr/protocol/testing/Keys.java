package org.pycotr.protocol.testing;

import org.pycotr.protocol.crypto.PrivateKey;

/** Fixed, named test keys, so tests read as stories and failures are reproducible. */
public final class Keys {
    public static final PrivateKey ALICE = seeded(1);
    public static final PrivateKey BOB = seeded(2);
    public static final PrivateKey CAROL = seeded(3);
    public static final PrivateKey DAVE = seeded(4);
    public static final PrivateKey MINER = seeded(99);

    private Keys() {}

    /** A deterministic key: the seed is the byte {@code n} repeated, with {@code n} itself in front when above 255. */
    public static PrivateKey seeded(int n) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) n);
        if (n > 255) {
            java.nio.ByteBuffer.wrap(seed).putInt(n);
        }
        return PrivateKey.fromSeed(seed);
    }
}
