package org.pycotr.protocol.tx;

import java.nio.charset.StandardCharsets;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;

/** Range checks shared by the transaction factories: the structural half of the rules. */
final class TransferFields {
    private TransferFields() {}

    /** Amounts are u64 on the wire but at most 2^63-1, so Java's exact arithmetic applies (like Bitcoin's MAX_MONEY). */
    static long checkAmount(long value, String what) {
        if (value < 0) {
            throw new RuleViolation(RejectReason.AMOUNT_OUT_OF_RANGE, what + " above 2^63-1");
        }
        return value;
    }

    static String checkMemo(String memo) {
        String m = memo == null ? "" : memo;
        int len = m.getBytes(StandardCharsets.UTF_8).length;
        if (len > Transaction.MAX_MEMO_BYTES) {
            throw new RuleViolation(RejectReason.MEMO_TOO_LONG, "memo is " + len + " bytes, at most "
                    + Transaction.MAX_MEMO_BYTES);
        }
        return m;
    }
}
