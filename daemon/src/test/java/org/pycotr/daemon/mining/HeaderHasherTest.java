package org.pycotr.daemon.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.testing.TestChain;

class HeaderHasherTest {
    @Test
    void midstateHashEqualsTheFullDoubleSha256ForEveryNonce() {
        BlockHeader header = TestChain.withBlocks(3).tipHeader();
        HeaderHasher hasher = new HeaderHasher(header.encoded());
        byte[] out = new byte[32];
        for (long nonce : new long[] {0, 1, 255, 256, 1L << 40, -1L, Long.MIN_VALUE, header.nonce()}) {
            hasher.hash(nonce, out);
            assertArrayEquals(header.withNonce(nonce).hash().bytes(), out, "nonce " + nonce);
        }
    }

    @Test
    void meetsComparesAsUnsignedBigEndian() {
        byte[] target = new byte[32];
        target[1] = (byte) 0x80;
        byte[] below = new byte[32];
        below[1] = (byte) 0x7f;
        below[31] = (byte) 0xff;
        byte[] above = new byte[32];
        above[0] = 1;
        assertEquals(true, HeaderHasher.meets(below, target));
        assertEquals(true, HeaderHasher.meets(target.clone(), target));
        assertEquals(false, HeaderHasher.meets(above, target));
    }
}
