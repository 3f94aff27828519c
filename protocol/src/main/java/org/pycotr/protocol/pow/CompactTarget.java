package org.pycotr.protocol.pow;

import java.math.BigInteger;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;

/**
 * A proof-of-work target in Bitcoin's compact form: one exponent byte E and a 3-byte mantissa M,
 * meaning {@code M * 256^(E-3)}. Only the canonical encoding of a positive target is accepted, so
 * each target has exactly one form and headers cannot be malleated through it.
 */
public record CompactTarget(int bits) {
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    public CompactTarget {
        BigInteger value = decode(bits);
        if (value == null || value.signum() <= 0 || value.bitLength() > 256 || encode(value) != bits) {
            throw new RuleViolation(RejectReason.BAD_TARGET,
                    String.format("0x%08x is not a canonical compact target", bits));
        }
    }

    /** The nearest compact target not above {@code target} (the compact form drops low bits). */
    public static CompactTarget fromBigInteger(BigInteger target) {
        if (target.signum() <= 0 || target.bitLength() > 256) {
            throw new IllegalArgumentException("target must be in [1, 2^256), got " + target);
        }
        return new CompactTarget(encode(target));
    }

    public static CompactTarget fromHex(String hex) {
        try {
            return new CompactTarget(Integer.parseUnsignedInt(hex, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("compact target must be 8 hex digits, got '" + hex + "'");
        }
    }

    private static BigInteger decode(int bits) {
        int exponent = bits >>> 24;
        int mantissa = bits & 0x007fffff;
        if ((bits & 0x00800000) != 0) {
            return null;
        }
        BigInteger m = BigInteger.valueOf(mantissa);
        return exponent <= 3 ? m.shiftRight(8 * (3 - exponent)) : m.shiftLeft(8 * (exponent - 3));
    }

    private static int encode(BigInteger value) {
        int size = (value.bitLength() + 7) / 8;
        int mantissa = size <= 3
                ? value.intValue() << (8 * (3 - size))
                : value.shiftRight(8 * (size - 3)).intValue();
        if ((mantissa & 0x00800000) != 0) {
            mantissa >>>= 8;
            size++;
        }
        return (size << 24) | mantissa;
    }

    public BigInteger toBigInteger() {
        return decode(bits);
    }

    /** The target as 32 big-endian bytes, for a byte-wise hash comparison in the miner's loop. */
    public byte[] toBytes() {
        byte[] raw = toBigInteger().toByteArray();
        byte[] out = new byte[Hash.LENGTH];
        int copy = Math.min(raw.length, Hash.LENGTH);
        System.arraycopy(raw, raw.length - copy, out, Hash.LENGTH - copy, copy);
        return out;
    }

    /** Expected number of hashes to meet this target: {@code 2^256 / (target + 1)}. */
    public BigInteger work() {
        return TWO_256.divide(toBigInteger().add(BigInteger.ONE));
    }

    /** How many times harder than {@code easiest} this target is: 1 at the network's powLimit. */
    public double difficulty(CompactTarget easiest) {
        return new java.math.BigDecimal(work())
                .divide(new java.math.BigDecimal(easiest.work()), 6, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** Whether a block hash meets this target ({@code hash <= target}). */
    public boolean isMetBy(Hash hash) {
        return hash.toBigInteger().compareTo(toBigInteger()) <= 0;
    }

    public String toHex() {
        return String.format("%08x", bits);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
