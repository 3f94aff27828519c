package org.pycotr.protocol.testing;

import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.tx.Transfer;

/** One-line signed transfers on the test network: {@code Txs.transfer(ALICE, BOB, 5)}. */
public final class Txs {
    private static final Hash NETWORK = TestGenesis.params().networkId();

    private Txs() {}

    public static Transfer transfer(PrivateKey from, PrivateKey to, long amount) {
        return transfer(from, to, amount, 0);
    }

    public static Transfer transfer(PrivateKey from, PrivateKey to, long amount, long nonce) {
        return transfer(from, to, amount, nonce, 1);
    }

    public static Transfer transfer(PrivateKey from, PrivateKey to, long amount, long nonce, long fee) {
        return Transfer.sign(from, NETWORK, to.address(), amount, fee, nonce, "");
    }

    public static Transfer on(Hash network, PrivateKey from, PrivateKey to, long amount, long nonce, long fee) {
        return Transfer.sign(from, network, to.address(), amount, fee, nonce, "");
    }
}
