package org.pycotr.daemon.mining;

/**
 * Which SHA-256 the miner hashes with. {@link #AUTO}, the default, takes the native SHA-NI
 * scanner where this machine can run it and the JDK's otherwise; asking for {@link #NATIVE} where
 * it cannot run is a configuration error.
 */
public enum HashEngine {
    AUTO,
    NATIVE,
    JDK;

    /** The engine this choice means on this machine: NATIVE or JDK. */
    public HashEngine resolve() {
        return switch (this) {
            case AUTO -> NativeSha256d.available() ? NATIVE : JDK;
            case NATIVE -> {
                if (!NativeSha256d.available()) {
                    throw new IllegalArgumentException("the native SHA-256 engine cannot run here: "
                            + NativeSha256d.unavailableReason());
                }
                yield NATIVE;
            }
            case JDK -> JDK;
        };
    }

    /** A scanner for one header and target on this engine (AUTO resolves first). */
    public NonceScanner scanner(byte[] header, byte[] target) {
        return switch (resolve()) {
            case NATIVE -> {
                byte[] h = header.clone();
                byte[] t = target.clone();
                yield (start, count) -> NativeSha256d.scan(h, t, start, count);
            }
            default -> new JdkNonceScanner(header, target);
        };
    }

    /** How the log and status name it. */
    public String describe() {
        return switch (resolve()) {
            case NATIVE -> "native SHA-NI";
            default -> NativeSha256d.available() ? "JDK SHA-256" : "JDK SHA-256 (native: " + NativeSha256d.unavailableReason() + ")";
        };
    }
}
