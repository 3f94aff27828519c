package org.pycotr.daemon.p2p;

import java.util.EnumSet;
import java.util.Set;
import org.pycotr.protocol.rules.RejectReason;

/**
 * Which rejections prove a peer misbehaved. A transaction can fail for reasons an honest peer
 * could not foresee (a nonce just used in a block, a full mempool): those cost nothing. Failing a
 * rule that holds whatever the chain state (signature, network, structure) is provable.
 */
final class Penalties {
    /** An invalid transaction: two and the peer is banned. */
    static final int INVALID_TX = 50;
    /** An invalid block or header: one and the peer is banned. */
    static final int INVALID_BLOCK = 100;

    private static final Set<RejectReason> PROVABLE_TX = EnumSet.of(RejectReason.MALFORMED, RejectReason.BAD_SIGNATURE,
            RejectReason.WRONG_NETWORK, RejectReason.ZERO_AMOUNT, RejectReason.SELF_TRANSFER,
            RejectReason.AMOUNT_OUT_OF_RANGE, RejectReason.MEMO_TOO_LONG);

    private Penalties() {}

    static boolean provableForTransaction(RejectReason r) {
        return PROVABLE_TX.contains(r);
    }

    /** Every block rejection is provable except a timestamp our own clock may have wrong. */
    static boolean provableForBlock(RejectReason r) {
        return r != RejectReason.TIMESTAMP_TOO_NEW;
    }
}
