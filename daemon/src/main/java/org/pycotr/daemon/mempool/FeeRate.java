package org.pycotr.daemon.mempool;

/**
 * Fee per byte, compared exactly: {@code fee1/size1 < fee2/size2} as {@code fee1*size2 < fee2*size1}
 * in 128-bit arithmetic, so there is no rounding and no overflow.
 */
final class FeeRate {
    private FeeRate() {}

    static int compare(long fee1, int size1, long fee2, int size2) {
        long hi1 = Math.multiplyHigh(fee1, size2);
        long hi2 = Math.multiplyHigh(fee2, size1);
        if (hi1 != hi2) {
            return Long.compare(hi1, hi2);
        }
        return Long.compareUnsigned(fee1 * size2, fee2 * size1);
    }
}
