package org.pycotr.protocol.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.Signature;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/** Each transfer rule, broken alone, is rejected with its own reason. */
class TransactionRulesTest {
    private static final Hash NETWORK = TestGenesis.params().networkId();

    private static void assertRejected(RejectReason reason, Executable check) {
        assertEquals(reason, assertThrows(RuleViolation.class, check).reason());
    }

    @Test
    void validTransferPasses() {
        Transfer t = Txs.transfer(ALICE, BOB, 5, 0, 1);
        assertDoesNotThrow(() -> TransactionRules.checkStateless(t, NETWORK));
        assertDoesNotThrow(() -> TransactionRules.checkStateful(t, new Account(6, 0)));
    }

    @Test
    void signatureMustVerify() {
        Transfer good = Txs.transfer(ALICE, BOB, 5);
        byte[] sig = good.signature().bytes();
        sig[10] ^= 1;
        Transfer forged = Transfer.of(NETWORK, good.from(), good.to(), 5, good.fee(), 0, "", Signature.of(sig));
        assertRejected(RejectReason.BAD_SIGNATURE, () -> TransactionRules.checkStateless(forged, NETWORK));
        Transfer otherSigner = Transfer.of(NETWORK, BOB.address(), ALICE.address(), 5, good.fee(), 0, "", good.signature());
        assertRejected(RejectReason.BAD_SIGNATURE, () -> TransactionRules.checkStateless(otherSigner, NETWORK));
    }

    @Test
    void networkMustMatch() {
        Transfer t = Txs.on(Hash.ZERO, ALICE, BOB, 5, 0, 1);
        assertRejected(RejectReason.WRONG_NETWORK, () -> TransactionRules.checkStateless(t, NETWORK));
    }

    @Test
    void amountMustBePositive() {
        assertRejected(RejectReason.ZERO_AMOUNT, () -> TransactionRules.checkStateless(Txs.transfer(ALICE, BOB, 0), NETWORK));
    }

    @Test
    void senderMustNotPayItself() {
        assertRejected(RejectReason.SELF_TRANSFER, () -> TransactionRules.checkStateless(Txs.transfer(ALICE, ALICE, 5), NETWORK));
    }

    @Test
    void nonceMustBeTheSendersNext() {
        Transfer t = Txs.transfer(ALICE, BOB, 5, 3, 1);
        assertRejected(RejectReason.BAD_NONCE, () -> TransactionRules.checkStateful(t, new Account(100, 2)));
        assertRejected(RejectReason.BAD_NONCE, () -> TransactionRules.checkStateful(t, new Account(100, 4)));
    }

    @Test
    void balanceMustCoverAmountPlusFee() {
        Transfer t = Txs.transfer(ALICE, BOB, 5, 0, 2);
        assertRejected(RejectReason.INSUFFICIENT_BALANCE, () -> TransactionRules.checkStateful(t, new Account(6, 0)));
        assertDoesNotThrow(() -> TransactionRules.checkStateful(t, new Account(7, 0)));
    }
}
