package org.pycotr.protocol.rules;

import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.tx.Transfer;

/**
 * The transfer rules of DESIGN.md. Stateless checks go cheapest first and the signature last, so
 * junk costs little; the stateful half needs the sender's account at that point of the block.
 */
public final class TransactionRules {
    private TransactionRules() {}

    public static void checkStateless(Transfer tx, Hash network) {
        if (!tx.network().equals(network)) {
            throw new RuleViolation(RejectReason.WRONG_NETWORK, "network " + tx.network().shortHex()
                    + ", expected " + network.shortHex());
        }
        if (tx.amount() == 0) {
            throw new RuleViolation(RejectReason.ZERO_AMOUNT);
        }
        if (tx.from().equals(tx.to())) {
            throw new RuleViolation(RejectReason.SELF_TRANSFER);
        }
        if (!tx.hasValidSignature()) {
            throw new RuleViolation(RejectReason.BAD_SIGNATURE);
        }
    }

    public static void checkStateful(Transfer tx, Account sender) {
        if (tx.nonce() != sender.nonce()) {
            throw new RuleViolation(RejectReason.BAD_NONCE, "nonce " + tx.nonce() + ", sender's next is "
                    + sender.nonce());
        }
        if (sender.balance() < tx.cost()) {
            throw new RuleViolation(RejectReason.INSUFFICIENT_BALANCE, "needs " + tx.cost() + ", has "
                    + sender.balance());
        }
    }
}
