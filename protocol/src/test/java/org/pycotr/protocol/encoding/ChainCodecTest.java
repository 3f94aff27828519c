package org.pycotr.protocol.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

class ChainCodecTest {
    private static final int MAX = 1 << 20;

    @Test
    void blockRoundTripsByteForByte() {
        Block b = TestChain.withBlocks(1).mine(Txs.transfer(ALICE, BOB, 5), Txs.transfer(BOB, ALICE, 3)).tip();
        Block decoded = ChainCodec.decodeBlock(b.encoded(), MAX);
        assertEquals(b, decoded);
        assertArrayEquals(b.encoded(), decoded.encoded());
        assertEquals(b.size(), b.encoded().length);
    }

    @Test
    void everyTruncationOfABlockIsMalformedNeverACrash() {
        byte[] full = TestChain.withBlocks(1).mine(Txs.transfer(ALICE, BOB, 5)).tip().encoded();
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            RuleViolation e = assertThrows(RuleViolation.class, () -> ChainCodec.decodeBlock(cut, MAX), "length " + len);
            assertEquals(RejectReason.MALFORMED, e.reason(), "length " + len + ": " + e.getMessage());
        }
    }

    @Test
    void everyTruncationOfATransferIsMalformed() {
        byte[] full = Txs.transfer(ALICE, BOB, 5).encoded();
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            assertEquals(RejectReason.MALFORMED,
                    assertThrows(RuleViolation.class, () -> ChainCodec.decodeTransaction(cut)).reason());
        }
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] full = Txs.transfer(ALICE, BOB, 5).encoded();
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        assertEquals(RejectReason.MALFORMED,
                assertThrows(RuleViolation.class, () -> ChainCodec.decodeTransaction(longer)).reason());
    }

    @Test
    void hostileTransactionCountIsRefusedBeforeAllocating() {
        byte[] block = TestChain.withBlocks(1).tip().encoded();
        block[ChainCodec.HEADER_BYTES] = (byte) 0x7f; // count ~ 2 billion
        RuleViolation e = assertThrows(RuleViolation.class, () -> ChainCodec.decodeBlock(block, MAX));
        assertEquals(RejectReason.MALFORMED, e.reason());
    }

    @Test
    void oversizedBlockIsRefusedBeforeParsing() {
        byte[] block = new byte[2048];
        assertEquals(RejectReason.BLOCK_TOO_LARGE,
                assertThrows(RuleViolation.class, () -> ChainCodec.decodeBlock(block, 1024)).reason());
    }

    @Test
    void memoLongerThan256BytesIsRefused() {
        Transfer t = Txs.transfer(ALICE, BOB, 5);
        byte[] enc = t.encoded();
        int memoLengthAt = ChainCodec.TX_FIXED_BYTES - 2;
        enc[memoLengthAt] = 0x01;
        enc[memoLengthAt + 1] = 0x01; // 257
        byte[] padded = Arrays.copyOf(enc, enc.length + 257);
        assertEquals(RejectReason.MEMO_TOO_LONG,
                assertThrows(RuleViolation.class, () -> ChainCodec.decodeTransaction(padded)).reason());
        assertEquals(RejectReason.MEMO_TOO_LONG, assertThrows(RuleViolation.class,
                () -> Transfer.sign(ALICE, t.network(), BOB.address(), 1, 0, 0, "x".repeat(257))).reason());
    }

    @Test
    void invalidUtf8MemoIsMalformed() {
        Transfer t = Transfer.sign(ALICE, Txs.transfer(ALICE, BOB, 1).network(), BOB.address(), 1, 0, 0, "ab");
        byte[] enc = t.encoded();
        enc[ChainCodec.TX_FIXED_BYTES] = (byte) 0xff;
        assertEquals(RejectReason.MALFORMED,
                assertThrows(RuleViolation.class, () -> ChainCodec.decodeTransaction(enc)).reason());
    }

    @Test
    void amountWithTopBitSetIsOutOfRange() {
        byte[] enc = Txs.transfer(ALICE, BOB, 5).encoded();
        enc[ChainCodec.TX_FIXED_BYTES - 2 - 24] = (byte) 0x80; // amount's top byte
        assertEquals(RejectReason.AMOUNT_OUT_OF_RANGE,
                assertThrows(RuleViolation.class, () -> ChainCodec.decodeTransaction(enc)).reason());
    }

    @Test
    void amountPlusFeeOverflowIsOutOfRange() {
        assertEquals(RejectReason.AMOUNT_OUT_OF_RANGE, assertThrows(RuleViolation.class,
                () -> Txs.transfer(ALICE, BOB, Long.MAX_VALUE, 0, 1)).reason());
    }

    @Test
    void wrongDomainTagIsMalformed() {
        byte[] enc = Txs.transfer(ALICE, BOB, 5).encoded();
        enc[0] = 'X';
        assertEquals(RejectReason.MALFORMED,
                assertThrows(RuleViolation.class, () -> ChainCodec.decodeTransaction(enc)).reason());
    }

    @Test
    void coinbaseCannotTravelAsALooseTransaction() {
        byte[] cb = TestChain.withBlocks(1).tip().coinbase().encoded();
        assertEquals(RejectReason.COINBASE_MISPLACED,
                assertThrows(RuleViolation.class, () -> ChainCodec.decodeTransfer(cb)).reason());
    }
}
