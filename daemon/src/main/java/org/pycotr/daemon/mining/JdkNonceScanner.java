package org.pycotr.daemon.mining;

/** Scans nonces with the JDK's SHA-256 through a {@link HeaderHasher}: runs anywhere Java does. */
final class JdkNonceScanner implements NonceScanner {
    private final HeaderHasher hasher;
    private final byte[] target;
    private final byte[] out = new byte[32];

    JdkNonceScanner(byte[] header, byte[] target) {
        this.hasher = new HeaderHasher(header);
        this.target = target.clone();
    }

    @Override
    public int scan(long start, int count) {
        for (int i = 0; i < count; i++) {
            hasher.hash(start + i, out);
            if (HeaderHasher.meets(out, target)) {
                return i;
            }
        }
        return -1;
    }
}
