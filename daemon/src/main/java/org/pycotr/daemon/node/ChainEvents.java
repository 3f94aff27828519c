package org.pycotr.daemon.node;

import org.pycotr.daemon.chain.TipChange;
import org.pycotr.protocol.tx.Transfer;

/** What the chain thread tells the rest of the node (relay, API); called on the chain thread, so keep it quick. */
public interface ChainEvents {
    default void onTipChanged(TipChange change) {}

    default void onTransactionAccepted(Transfer tx, String source) {}
}
