package org.pycotr.protocol.wire;

import java.util.OptionalInt;

/**
 * Protocol versions. Each node says the newest version it speaks and the oldest it still
 * accepts; two nodes talk at the newest version both speak, or part with INCOMPATIBLE_VERSION.
 */
public final class ProtocolVersion {
    /** The version this software speaks. */
    public static final int CURRENT = 1;
    /** The oldest version this software still accepts. */
    public static final int MIN_SUPPORTED = 1;

    private ProtocolVersion() {}

    /** The version both ranges share at the top, if any. */
    public static OptionalInt negotiate(int ourMin, int ourMax, int theirMin, int theirMax) {
        int version = Math.min(ourMax, theirMax);
        return version >= Math.max(ourMin, theirMin) ? OptionalInt.of(version) : OptionalInt.empty();
    }
}
