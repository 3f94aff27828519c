package org.pycotr.protocol.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;

class CompactTargetTest {
    @Test
    void bitcoinGenesisBitsDecode() {
        CompactTarget t = new CompactTarget(0x1d00ffff);
        assertEquals(new BigInteger("ffff", 16).shiftLeft(8 * 26), t.toBigInteger());
        assertEquals(t, CompactTarget.fromBigInteger(t.toBigInteger()));
    }

    @Test
    void fromBigIntegerRoundsDownToThreeSignificantBytes() {
        BigInteger exact = new BigInteger("123456789abcdef", 16);
        CompactTarget t = CompactTarget.fromBigInteger(exact);
        assertEquals(new BigInteger("012345", 16).shiftLeft(5 * 8), t.toBigInteger());
        assertTrue(t.toBigInteger().compareTo(exact) <= 0);
    }

    @Test
    void nonCanonicalNegativeAndZeroFormsAreRejected() {
        assertEquals(RejectReason.BAD_TARGET, assertThrows(RuleViolation.class, () -> new CompactTarget(0x1d800000)).reason());
        assertEquals(RejectReason.BAD_TARGET, assertThrows(RuleViolation.class, () -> new CompactTarget(0x1d000000)).reason());
        // same value as 0x1c7fff00... written with a leading zero byte in the mantissa
        assertEquals(RejectReason.BAD_TARGET, assertThrows(RuleViolation.class, () -> new CompactTarget(0x1e00007f)).reason());
        assertEquals(RejectReason.BAD_TARGET, assertThrows(RuleViolation.class, () -> new CompactTarget(0x2200ffff)).reason());
    }

    @Test
    void workIsTwoTo256OverTargetPlusOne() {
        CompactTarget half = CompactTarget.fromBigInteger(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE));
        assertEquals(BigInteger.TWO.pow(256).divide(half.toBigInteger().add(BigInteger.ONE)), half.work());
        CompactTarget harder = CompactTarget.fromBigInteger(BigInteger.ONE.shiftLeft(200));
        assertTrue(harder.work().compareTo(half.work()) > 0);
    }

    @Test
    void hashAtTargetMeetsItAndOneAboveDoesNot() {
        CompactTarget t = new CompactTarget(0x1f7fffff);
        byte[] at = t.toBytes();
        assertTrue(t.isMetBy(Hash.of(at)));
        byte[] above = at.clone();
        above[31] = 1; // target's low bytes are zero, so this is target + 1
        assertFalse(t.isMetBy(Hash.of(above)));
    }
}
