package org.pycotr.daemon.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.testing.TestChain;

/** The native SHA-NI scanner finds exactly the nonces the JDK's double SHA-256 says meet the target. */
class NativeSha256dTest {
    private final Random random = new Random(42);

    @Test
    void isAvailableWhereverTheCpuHasShaExtensions() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        boolean linuxX86 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").equals("amd64");
        assumeTrue(linuxX86 && Files.readString(cpuinfo).contains(" sha_ni"), "no SHA-NI on this machine");
        assumeTrue(System.getProperty("pycotr.native.skip") == null, "built with -Dpycotr.native.skip");
        assertTrue(NativeSha256d.available(), "the build must ship a working library: " + NativeSha256d.unavailableReason());
        assertEquals(HashEngine.NATIVE, HashEngine.AUTO.resolve());
    }

    @BeforeEach
    void needsTheLibrary() {
        assumeTrue(NativeSha256d.available(), NativeSha256d.unavailableReason());
    }

    @Test
    void findsTheSameFirstNonceAsTheJdkAtManyDifficulties() {
        for (int round = 0; round < 40; round++) {
            byte[] header = randomHeader();
            // One hash in 2^bits meets the target: from most to few, so hits land on either lane.
            int bits = round % 10;
            byte[] target = targetWithLeadingZeroBits(bits);
            long start = random.nextLong();
            int count = 1 + random.nextInt(200);
            assertEquals(new JdkNonceScanner(header, target).scan(start, count),
                    NativeSha256d.scan(header, target, start, count),
                    "round " + round + ": " + bits + " bits, start " + start + ", count " + count);
        }
    }

    @Test
    void comparesTheWholeHashNotOnlyItsFirstWord() {
        BlockHeader header = TestChain.withBlocks(2).tipHeader();
        for (long nonce : new long[] {0, 1, -1L, Long.MIN_VALUE, 123_456_789}) {
            BigInteger hash = new BigInteger(1, header.withNonce(nonce).hash().bytes());
            byte[] bytes = header.encoded();
            // The target equal to the hash is met; one below it is not. Both lanes of the pair are checked.
            assertEquals(0, NativeSha256d.scan(bytes, to32Bytes(hash), nonce, 1));
            assertEquals(-1, NativeSha256d.scan(bytes, to32Bytes(hash.subtract(BigInteger.ONE)), nonce, 1));
            byte[] atSecond = to32Bytes(hash);
            int expected = new JdkNonceScanner(bytes, atSecond).scan(nonce - 1, 2);
            assertEquals(expected, NativeSha256d.scan(bytes, atSecond, nonce - 1, 2));
        }
    }

    @Test
    void nonceRunsWrapAroundAsUnsigned() {
        byte[] header = randomHeader();
        byte[] target = targetWithLeadingZeroBits(3);
        assertEquals(new JdkNonceScanner(header, target).scan(-5, 64), NativeSha256d.scan(header, target, -5, 64));
    }

    @Test
    void edgeTargetsAndCounts() {
        byte[] header = randomHeader();
        byte[] everything = new byte[32];
        java.util.Arrays.fill(everything, (byte) 0xff);
        assertEquals(0, NativeSha256d.scan(header, everything, 7, 5));
        assertEquals(-1, NativeSha256d.scan(header, new byte[32], 7, 4096));
        assertEquals(-1, NativeSha256d.scan(header, everything, 7, 0));
        assertThrows(IllegalArgumentException.class, () -> NativeSha256d.scan(new byte[95], everything, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> NativeSha256d.scan(header, new byte[31], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> NativeSha256d.scan(header, everything, 0, -1));
    }

    private byte[] randomHeader() {
        byte[] header = new byte[96];
        random.nextBytes(header);
        return header;
    }

    private static byte[] targetWithLeadingZeroBits(int bits) {
        return to32Bytes(BigInteger.ONE.shiftLeft(256 - bits).subtract(BigInteger.ONE));
    }

    private static byte[] to32Bytes(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }
}
