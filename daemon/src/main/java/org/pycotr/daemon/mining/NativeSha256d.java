package org.pycotr.daemon.mining;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.pycotr.protocol.encoding.ChainCodec;

/**
 * Proof-of-work scanning in native code on the CPU's SHA extensions (src/main/c). The build
 * compiles the library into the jar for Linux on x86-64; it is loaded once, and only used where
 * the CPU has SHA-NI. Anywhere else {@link #available()} is false and says why in
 * {@link #unavailableReason()}, and the miner hashes with the JDK instead.
 */
public final class NativeSha256d {
    private static final String LIBRARY = "libpycotr_sha256d.so";
    private static final String RESOURCE = "/native/linux-x86_64/" + LIBRARY;
    /** Null once the library is loaded and the CPU supports it. */
    private static final String UNAVAILABLE = load();

    private NativeSha256d() {}

    public static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why the native scanner cannot be used here; empty when it can. */
    public static String unavailableReason() {
        return UNAVAILABLE == null ? "" : UNAVAILABLE;
    }

    /**
     * The offset of the first nonce among {@code start, start+1, ..., start+count-1} (wrapping as
     * unsigned) for which the double SHA-256 of {@code header} with that nonce in its last 8 bytes
     * is at most {@code target}, or -1 when none is.
     */
    public static int scan(byte[] header, byte[] target, long start, int count) {
        if (!available()) {
            throw new IllegalStateException("native SHA-256 is unavailable: " + UNAVAILABLE);
        }
        if (header.length != ChainCodec.HEADER_BYTES || target.length != 32 || count < 0) {
            throw new IllegalArgumentException("need a " + ChainCodec.HEADER_BYTES + "-byte header, a 32-byte target"
                    + " and a count >= 0; got " + header.length + ", " + target.length + ", " + count);
        }
        return scan0(header, target, start, count);
    }

    private static native boolean cpuHasShaNi();

    private static native int scan0(byte[] header, byte[] target, long start, int count);

    private static String load() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "built for Linux on x86-64 only, this is " + os + " on " + arch;
        }
        try (InputStream in = NativeSha256d.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "this build has no " + LIBRARY + " (built with -Dpycotr.native.skip?)";
            }
            Path file = Files.createTempFile("pycotr_sha256d", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                // Once mapped, the library no longer needs its file.
                Files.deleteIfExists(file);
            }
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            return "could not load " + LIBRARY + ": " + e.getMessage();
        }
        return cpuHasShaNi() ? null : "this CPU has no SHA extensions (SHA-NI)";
    }
}
